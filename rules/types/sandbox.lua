---@meta _
-- The globals a framework file sees (engine/lua/host.c build_base, host_stdlib.c), for the
-- Lua language server. .luarc.json turns off the server's own `basic`, `string`, `math` and
-- `os` libraries, so only what is declared here is known: `load`, `loadfile`, `dofile`,
-- `collectgarbage`, `string.dump`, `math.random`, `os.time`, `io`, `debug`, `package` and
-- `coroutine` are flagged as undefined, as the sandbox refuses or lacks them. `table` and
-- `utf8` are the server's own: the sandbox has all of Lua 5.4's (its table functions use raw
-- access and are metered; `table.sort` is a stable merge sort).
-- tests/unit/test_luals.c checks every declaration below against the sandbox.

---------------------------------------------------------------------------------------------
-- base functions (not load, loadfile, dofile, collectgarbage: calling them raises
-- "... is not available in a framework")

---Raises an error when `v` is false or nil; returns all its arguments otherwise.
---@generic T
---@param v T
---@param message? any error message (default "assertion failed!")
---@param ... any
---@return T
---@return any ...
function assert(v, message, ...) end

---Raises `message` as an error. `level` 1 (default) adds where error was called, 2 its caller, 0 nothing.
---@param message any
---@param level? integer
function error(message, level) end

---Iterates t[1], t[2], ... up to the first nil.
---@generic V
---@param t V[]|table
---@return fun(t: V[], i?: integer): integer, V
---@return V[]
---@return integer
function ipairs(t) end

---The next key and value of `t` after `index` (the first when nil).
---@generic K, V
---@param t table<K, V>
---@param index? K
---@return K?
---@return V?
function next(t, index) end

---Iterates every key and value of `t`, in no set order.
---@generic K, V
---@param t table<K, V>
---@return fun(t: table<K, V>, k?: K): K, V
---@return table<K, V>
---@return nil
function pairs(t) end

---Calls `f` in protected mode: true and its results, or false and the error. Limits of the
---sandbox (memory, instructions, time) are not caught: they stop the run.
---@param f function
---@param ... any
---@return boolean ok
---@return any ...
function pcall(f, ...) end

---Equality without metamethods.
---@param v1 any
---@param v2 any
---@return boolean
function rawequal(v1, v2) end

---t[k] without metamethods.
---@param t table
---@param k any
---@return any
function rawget(t, k) end

---The length of a table or string without metamethods.
---@param v table|string
---@return integer
function rawlen(v) end

---t[k] = v without metamethods; returns t.
---@generic T: table
---@param t T
---@param k any
---@param v any
---@return T
function rawset(t, k, v) end

---select(n, ...) returns the arguments from the n-th; select("#", ...) their count.
---@param index integer|"#"
---@param ... any
---@return any ...
function select(index, ...) end

---The metatable of `object` (or its __metatable field). The string metatable is locked.
---@param object any
---@return table?
function getmetatable(object) end

---Sets the metatable of `t` and returns `t`. A metatable with `__gc` is refused.
---@generic T: table
---@param t T
---@param metatable? table
---@return T
function setmetatable(t, metatable) end

---Converts `e` to a number (in `base` 2..36 for a string), or nil.
---@param e any
---@param base? integer
---@return number?
function tonumber(e, base) end

---Converts `v` to a string (by __tostring or __name when set).
---@param v any
---@return string
function tostring(v) end

---The type of `v` as a string.
---@param v any
---@return "nil"|"number"|"string"|"boolean"|"table"|"function"|"thread"|"userdata"
function type(v) end

---"Lua 5.4".
_VERSION = "Lua 5.4"

---Calls `f` in protected mode with `handler` for the error. Unlike plain Lua, the handler
---runs after the error has unwound (no traceback of the failed call is available).
---@param f function
---@param handler fun(err: any): any
---@param ... any
---@return boolean ok
---@return any ...
function xpcall(f, handler, ...) end

---Writes `[lua]` and its arguments, each after a space, as a line on standard error; at most
---64 KiB over the host's life, control bytes and invalid UTF-8 replaced.
---@param ... any
function print(...) end

---Loads a module: "rules" (the rule library), a file of the framework's folder or the folder
---above it ("plans" -> plans.lua), or a sibling framework ("frameworks.ID" ->
---frameworks/ID/framework.lua).
---Each framework file gets its own copy of every module it requires.
---@param modname string
---@return any
function require(modname) end

---The chunk's environment (these globals).
_G = {}

---------------------------------------------------------------------------------------------
-- string: Lua's, without string.dump; find, match, gmatch and gsub run a metered copy of
-- Lua's matcher. Strings have these as methods ("x"):upper().

---@class stringlib
string = {}

---The byte codes of s[i..j] (default i = 1, j = i).
---@param s string
---@param i? integer
---@param j? integer
---@return integer ...
function string.byte(s, i, j) end

---The string of the given byte codes.
---@param ... integer
---@return string
function string.char(...) end

---The start and end of the first match of `pattern` in `s` from `init`, and its captures;
---nil when none. `plain` = true finds the text as written.
---@param s string
---@param pattern string
---@param init? integer
---@param plain? boolean
---@return integer? start
---@return integer? end
---@return any ... captures
function string.find(s, pattern, init, plain) end

---Formats its arguments as C's printf does (%d, %s, %q, %5.2f, ...).
---@param fmt string
---@param ... any
---@return string
function string.format(fmt, ...) end

---An iterator over the matches of `pattern` in `s` (their captures, or the whole match).
---@param s string
---@param pattern string
---@param init? integer
---@return fun(): string?, ...
function string.gmatch(s, pattern, init) end

---`s` with (at most `n`) matches of `pattern` replaced by `repl` (a string with %1..%9,
---a table keyed by the match, or a function of the captures); and the number replaced.
---@param s string
---@param pattern string
---@param repl string|table|fun(...: string): any
---@param n? integer
---@return string
---@return integer count
function string.gsub(s, pattern, repl, n) end

---The length of `s` in bytes.
---@param s string
---@return integer
function string.len(s) end

---`s` in lower case.
---@param s string
---@return string
function string.lower(s) end

---The captures of the first match of `pattern` in `s` from `init` (the whole match when it
---has none), or nil.
---@param s string
---@param pattern string
---@param init? integer
---@return any ...
function string.match(s, pattern, init) end

---`n` copies of `s`, separated by `sep`.
---@param s string
---@param n integer
---@param sep? string
---@return string
function string.rep(s, n, sep) end

---`s` reversed.
---@param s string
---@return string
function string.reverse(s) end

---s[i..j]; negative positions count from the end.
---@param s string
---@param i integer
---@param j? integer
---@return string
function string.sub(s, i, j) end

---`s` in upper case.
---@param s string
---@return string
function string.upper(s) end

---The values packed in a binary string by the format `fmt`.
---@param fmt string
---@param ... any
---@return string
function string.pack(fmt, ...) end

---The size of a string packed with `fmt`.
---@param fmt string
---@return integer
function string.packsize(fmt) end

---The values packed in `s` by `fmt` (from `pos`), and the position after them.
---@param fmt string
---@param s string
---@param pos? integer
---@return any ...
function string.unpack(fmt, s, pos) end

---------------------------------------------------------------------------------------------
-- math: Lua's, without math.random and math.randomseed (a run must reproduce).

---@class mathlib
math = {}

---@param x number
---@return number
function math.abs(x) end

---The smallest integer >= x.
---@param x number
---@return integer
function math.ceil(x) end

---@param x number radians
---@return number
function math.cos(x) end

---e^x.
---@param x number
---@return number
function math.exp(x) end

---The largest integer <= x.
---@param x number
---@return integer
function math.floor(x) end

---The remainder of x / y rounded towards zero.
---@param x number
---@param y number
---@return number
function math.fmod(x, y) end

---Infinity (stats never returns it: a value that does not exist is nil).
---@type number
math.huge = 0

---The logarithm of x in `base` (default e).
---@param x number
---@param base? number
---@return number
function math.log(x, base) end

---@param x number
---@param ... number
---@return number
function math.max(x, ...) end

---@type integer
math.maxinteger = 0

---@param x number
---@param ... number
---@return number
function math.min(x, ...) end

---@type integer
math.mininteger = 0

---The integral and fractional parts of x.
---@param x number
---@return number
---@return number
function math.modf(x) end

---@type number
math.pi = 3.1415926535898

---@param x number radians
---@return number
function math.sin(x) end

---@param x number
---@return number
function math.sqrt(x) end

---@param x number radians
---@return number
function math.tan(x) end

---x as an integer when it is one, else nil.
---@param x any
---@return integer?
function math.tointeger(x) end

---"integer", "float", or nil when x is not a number.
---@param x any
---@return "integer"|"float"|nil
function math.type(x) end

---Whether m < n as unsigned integers.
---@param m integer
---@param n integer
---@return boolean
function math.ult(m, n) end

---@param x number
---@return number radians
function math.acos(x) end

---@param x number
---@return number radians
function math.asin(x) end

---The arc tangent of y / x (of y when x is absent), in radians.
---@param y number
---@param x? number
---@return number
function math.atan(y, x) end

---------------------------------------------------------------------------------------------
-- os: the clock only.

---@class oslib
os = {}

---Processor time used by the program, in seconds.
---@return number
function os.clock() end

---------------------------------------------------------------------------------------------
-- scorecard: what the host gives the rule library. Frameworks rarely need these: the rule
-- library calls them for you.

---@class scorecardlib
scorecard = {}

---Records, where scripts cannot reach it, the framework file and line (outside the rule
---library) where `t` was built; `scorecard explain` and `check` name it. The first mark stays.
---@generic T: table
---@param t T
---@return T
function scorecard.mark(t) end

---Notes a problem at the framework line the call came from and lets loading go on; a
---framework with any noted problem does not load. `placed` = true: `message` already begins
---with its place.
---@param message string
---@param placed? boolean
function scorecard.problem(message, placed) end

---The one of `names` a slip of the keyboard away from `word`, or nil.
---@param word string
---@param names string[]
---@return string?
function scorecard.nearest(word, names) end

---The engine's reading of a polarity word: "higher", "lower" or "none", or nil for a word it
---does not know.
---@param word any
---@return "higher"|"lower"|"none"|nil
function scorecard.polarity(word) end

---The days of a period label as the importer reads it ("2023/24", "2023 Q2", "April 2023"):
---{start = "YYYY-MM-DD", ["end"] = "YYYY-MM-DD", type = period type}, or nil and why.
---@param label string
---@return scorecard.PeriodSpan?
---@return string? why
function scorecard.period(label) end

---@class scorecard.PeriodSpan
---@field start string first day, YYYY-MM-DD
---@field end string last day, YYYY-MM-DD (read it as span["end"])
---@field type scorecard.PeriodType
