local p = ctx.series:last(2)
return { assessment = #p > 1 and "met" or "not_met", reason = tostring(ctx.point.value), details = { p = p } }