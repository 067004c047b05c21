-- expect: instruction limit reached|time limit
return string.rep("a", 2e5):find(".-" .. string.rep("a", 5000) .. "b")
