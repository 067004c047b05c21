-- expect: attempt to index a nil value (global 'os')|attempt to call a nil value (field 'execute')
return os.execute("touch /tmp/scorecard-pwned")
