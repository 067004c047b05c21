-- expect: OK
-- The metered matcher is Lua's own: ordinary patterns give the same answers.
assert(("2023/24 Q2"):match("^(%d%d%d%d)/(%d%d) Q(%d)$") == "2023")
assert(select(2, ("a,b,,c"):gsub(",", ";")) == 3)
local words = {}
for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
assert(#words == 3 and words[3] == "three")
assert(("THE (quick) fox"):find("%((%a+)%)") == 5)
assert(("hello world"):gsub("o", { o = "0" }) == "hell0 w0rld")
assert(("abc"):gsub("%w", function(c) return c:upper() end) == "ABC")
assert(("x = 1"):find("=", 1, true) == 3)
assert(("f(a(b)c)d"):match("%b()") == "(a(b)c)")
assert(("THE END"):find("%f[%a]%a+") == 1)
