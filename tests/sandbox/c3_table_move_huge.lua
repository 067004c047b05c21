-- expect: instruction limit reached|time limit
return table.move({}, 1, 1e15, 1, {})
