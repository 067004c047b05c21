KEPT = KEPT or ctx.series
return { assessment = "met", reason = tostring(#KEPT) }