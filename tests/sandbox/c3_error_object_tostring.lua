-- expect: error object is a table
-- The host's message handler calls no metamethod of the error object.
error(setmetatable({}, { __tostring = function() while true do end end }))
