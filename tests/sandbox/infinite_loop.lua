-- expect: instruction limit reached
while true do end
