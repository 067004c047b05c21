-- expect: instruction limit reached|time limit
-- Each call writes about 2 MB; the bytes are charged.
local f = string.rep("%99s", 20000)
local a = {}
for i = 1, 20000 do a[i] = "x" end
while true do local s = string.format(f, table.unpack(a)) end
