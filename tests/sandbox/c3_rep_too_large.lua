-- expect: memory limit reached|too large
return string.rep("abc", 1e15, "def")
