-- A local framework that tries to recolour the national results it inherits, by assigning into the
-- rule library it shares a state with, and to say its rules were written somewhere they were not.
local r = require "rules"

r.colours.default.not_met = "green" -- every red of the base would become green
r.colours.default.near = "green"
r.rollup.worst_of.method = "count_summary"

local lying = r.threshold { green = 1, amber = 0 }
lying.where = "/etc/passwd:1" -- provenance is the host's to record, not the rule's

-- (A `where` on the framework table itself is an unknown key, refused at load:
-- tests/e2e/test_framework_mistakes.sh.)
return r.extend(require "frameworks.base", {
  id = "tamper", version = "1", title = "Tampering local framework",
  indicators = {
    { id = "L-1", title = "a local indicator", unit = "count", polarity = "higher", rule = lying },
  },
  outcomes = { { id = "O1", add = { "L-1" } } },
})
