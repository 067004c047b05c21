-- expect: instruction limit reached|time limit
return (string.rep("a", 100000)):match(".-.-.-.-b")
