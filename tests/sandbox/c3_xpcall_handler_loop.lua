-- expect: instruction limit reached|time limit
-- Lua runs a message handler with hooks off when the error came from a hook: the handler must still be stopped.
return xpcall(function() while true do end end, function() while true do end end)
