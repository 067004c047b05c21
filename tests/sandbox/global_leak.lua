-- expect: OK
-- A script may change its own copy of a library; the next script must not see it.
string.upper = function() return "pwned" end
_G.shared_secret = "leaked"
return string.upper("x")
