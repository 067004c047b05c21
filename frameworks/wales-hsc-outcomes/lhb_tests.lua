-- Test cases for lhb.lua (wales-hsc-outcomes scored per health board).
local Y = "2023/24"
return {
  {
    name = "Hywel Dda footprint from Ceredigion, Pembrokeshire and Carmarthenshire: 890/1000 enquiries = 89%, amber",
    period = Y, areas = { "W11000025" },
    data = {
      { indicator = "SS-AAR-ENQ-7WD", area = "W06000008", period = Y, numerator = 180, denominator = 200 },
      { indicator = "SS-AAR-ENQ-7WD", area = "W06000009", period = Y, numerator = 270, denominator = 300 },
      { indicator = "SS-AAR-ENQ-7WD", area = "W06000010", period = Y, numerator = 440, denominator = 500 },
    },
    expect = {
      W11000025 = { ["SS-AAR-ENQ-7WD"] = { status = "amber", reason = "derived from W06000008,W06000009,W06000010" },
                    QA2 = "amber", overall = "amber" },
    },
  },
}
