-- expect: memory limit reached
return string.rep("x", 1 << 30)
