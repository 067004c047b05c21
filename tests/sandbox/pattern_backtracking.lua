-- expect: instruction limit reached|time limit
return string.find(string.rep("a", 100000), ".-.-.-.-b")
