-- Titles, units and reasons with everything a writer must neutralise: terminal escapes (a fake
-- "ALL GREEN"), BEL, CR, invalid UTF-8, NUL, a spreadsheet formula, a bidi override, markup.
local r = require "rules"
local ESC, BEL, CR = "\27", "\7", "\r"
local fake = ESC .. "[2J" .. ESC .. "[H" .. ESC .. "[32mALL GREEN" .. ESC .. "[0m" .. BEL .. CR
return r.framework {
  id = "hostile-strings", version = "1", scores = "hscp", period = "year", country = "Scotland",
  title = fake .. " \255\254 broken UTF-8 \0 nul",
  comparator = "S92000003",
  outcomes = { { id = "O1", title = "=HYPERLINK(\"http://x.invalid\",\"click\")", indicators = { "X-1", "X-2" } } },
  indicators = {
    { id = "X-1", title = "+cmd|' /C calc'!A0", unit = "-2+3", polarity = "higher",
      rule = r.custom(function()
        return { assessment = "met", reason = "@SUM(1+1)" .. fake .. "\226\128\174reversed" .. "\192\175",
                 details = { note = "</script><script>alert(1)</script>", nul = "a\0b", bad = "\255" } }
      end) },
    { id = "X-2", title = "<b>bold</b> & \"quoted\" \t\tab", unit = "%", polarity = "lower",
      rule = r.threshold { green = 20, amber = 30 } },
  },
}
