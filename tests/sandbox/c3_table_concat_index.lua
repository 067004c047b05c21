-- expect: invalid value
-- concat reads raw: an __index (here a C function, which no hook would see) is never called.
return table.concat(setmetatable({}, { __index = rawlen }), "", 1, 1e15)
