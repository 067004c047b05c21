-- expect: could run for too long
return string.find(string.rep("a", 100000), ".-.-.-.-b")
