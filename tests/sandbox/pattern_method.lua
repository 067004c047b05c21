-- expect: could run for too long
return (string.rep("a", 100000)):match(".-.-.-.-b")
