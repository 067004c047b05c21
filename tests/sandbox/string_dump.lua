-- expect: attempt to call a nil value (field 'dump')
return string.dump(function() return 1 end)
