-- expect: instruction limit reached|time limit
-- %b() scans to the end from every start: quadratic with no quantifier.
return string.rep("(", 2e5):find("%b()")
