-- (C) Headless Neovim 0.7 as an independent LSP client of `edgelint --lsp` (pushed diagnostics, no pull).
-- usage: EDGELINT_E2E_CLI=dist/cli.js EDGELINT_E2E_WS=<workspace copy> \
--          nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/nvim/check.lua'
-- Prints TAP-like "ok - ..." / "not ok - ..." lines (counted by run.sh). Exit 0 = all ok, 1 = a check
-- failed, 2 = the client could not start. Buffers are never written: the workspace stays untouched.
local cli = os.getenv('EDGELINT_E2E_CLI') or 'dist/cli.js'
local ws = os.getenv('EDGELINT_E2E_WS') or 'test/e2e/workspace'
local timeout = tonumber(os.getenv('EDGELINT_E2E_NVIM_TIMEOUT_MS') or '20000')
local node = os.getenv('EDGELINT_E2E_NODE') or 'node'

local failed, passed = 0, 0
local function out(s) io.stdout:write(s, '\n'); io.stdout:flush() end
local function check(ok, name)
  if ok then passed = passed + 1 else failed = failed + 1 end
  out((ok and 'ok - ' or 'not ok - ') .. name)
  return ok
end
local function finish(code)
  out(('nvim: %d passed, %d failed'):format(passed, failed))
  pcall(vim.lsp.stop_client, vim.lsp.get_active_clients())
  vim.wait(300)
  os.exit(code)
end
local function now_ms() return vim.loop.hrtime() / 1e6 end

-- Raw LSP diagnostics as last published per buffer, and how many times each buffer was published.
local raw, publishes = {}, {}
local function load(rel, filetype)
  local path = ws .. '/' .. rel
  local bufnr = vim.fn.bufadd(path)
  vim.fn.bufload(bufnr)
  vim.bo[bufnr].filetype = filetype -- -u NONE: no filetype detection
  return bufnr, path
end
local function codes(bufnr)
  local list = {}
  for _, d in ipairs((raw[bufnr] or {}).diagnostics or {}) do table.insert(list, tostring(d.code)) end
  return list
end
local function find(bufnr, code)
  for _, d in ipairs((raw[bufnr] or {}).diagnostics or {}) do
    if tostring(d.code) == code and d.source == 'edgelint' then return d end
  end
end
local server_exited = false
-- Poll (no fixed sleeps); stop early when the server process is gone.
local function wait_for(pred)
  vim.wait(timeout, function() return server_exited or pred() end, 25)
  return pred()
end
-- 0-based position (line, byte col) of `needle` (plain) in a buffer, searching from the line holding `within`.
local function pos_of(bufnr, needle, within)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if within == nil or line:find(within, 1, true) then
      local c = line:find(needle, 1, true)
      if c then return i - 1, c - 1 end
    end
  end
end

local src, src_path = load('src/index.ts', 'typescript')
local hdr = load('public/_headers', 'cloudflare-headers')

local client_id = vim.lsp.start_client({
  name = 'edgelint',
  cmd = { node, cli, '--lsp' },
  root_dir = ws,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result then
        local b = vim.uri_to_bufnr(result.uri)
        raw[b] = result
        publishes[b] = (publishes[b] or 0) + 1
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
  on_exit = function(code, signal)
    server_exited = true
    if code ~= 0 then out(('# server exited code=%s signal=%s'):format(code, signal)) end
  end,
})
if not check(client_id ~= nil, 'start `node ' .. cli .. ' --lsp`') then finish(2) end
local t0 = now_ms()
vim.lsp.buf_attach_client(src, client_id)
vim.lsp.buf_attach_client(hdr, client_id)

-- 1. Pushed diagnostics for the Worker source, with the expected rule ids, ranges and severities.
local got = wait_for(function() return find(src, 'kv-cachettl-below-minimum') and find(src, 'cc-syntax') end)
out(('# waited %.0f ms for src/index.ts diagnostics: %s'):format(now_ms() - t0, table.concat(codes(src), ', ')))
for _, d in ipairs(vim.diagnostic.get(src)) do
  out(('# %s:%d:%d: %s [%s] %s'):format(src_path, d.lnum + 1, d.col + 1, vim.diagnostic.severity[d.severity] or '?',
    tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.message))
end
if not check(got, 'pushed diagnostics kv-cachettl-below-minimum + cc-syntax for src/index.ts') then finish(1) end
local kv, cc = find(src, 'kv-cachettl-below-minimum'), find(src, 'cc-syntax')
local l10, c10 = pos_of(src, '10', 'cacheTtl: 10')
check(kv.severity == 1 and kv.range.start.line == l10 and kv.range.start.character == c10 and kv.range['end'].character == c10 + 2,
  ('kv-cachettl-below-minimum is an Error on the 10 (%d:%d), got sev %s at %d:%d-%d'):format(l10, c10, kv.severity,
    kv.range.start.line, kv.range.start.character, kv.range['end'].character))
local ls, cs = pos_of(src, ';', "'public; max-age=60'")
check(cc.severity == 2 and cc.range.start.line == ls and cc.range.start.character == cs and cc.range['end'].character == cs + 1,
  ('cc-syntax is a Warning on the ; (%d:%d), got sev %s at %d:%d-%d'):format(ls, cs, cc.severity,
    cc.range.start.line, cc.range.start.character, cc.range['end'].character))

-- 2. _headers: headers-syntax (missing colon).
local hs = wait_for(function() return find(hdr, 'headers-syntax') end) and find(hdr, 'headers-syntax')
check(hs and hs.severity == 1 and hs.message:find('is neither a "Name: value" nor a "! Name" line', 1, true) ~= nil,
  'pushed headers-syntax Error "is neither a \"Name: value\" nor a \"! Name\" line" for public/_headers')

-- 3. Quick fix for cc-syntax: offered, applied to the buffer, and the re-published set no longer has it.
local resp = vim.lsp.buf_request_sync(src, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(src) },
  range = cc.range,
  context = { diagnostics = { cc } },
}, 5000)
local actions, titles = {}, {}
for _, r in pairs(resp or {}) do for _, a in ipairs(r.result or {}) do table.insert(actions, a); table.insert(titles, a.title) end end
out('# code actions at cc-syntax: ' .. table.concat(titles, ' | '))
local fix
for _, a in ipairs(actions) do if a.title == "Replace ';' with ','" then fix = a end end
if not check(fix ~= nil, "quick fix \"Replace ';' with ','\" offered") then finish(1) end
local client = vim.lsp.get_client_by_id(client_id)
if not fix.edit and not fix.command then -- lazily resolved action
  local res = client.request_sync('codeAction/resolve', fix, 5000, src)
  if res and res.result then fix = res.result end
end
local before = publishes[src] or 0
if fix.edit then vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16') end
if fix.command then
  local cmd = type(fix.command) == 'table' and fix.command or fix
  client.request_sync('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, 5000, src)
end
local text = table.concat(vim.api.nvim_buf_get_lines(src, 0, -1, false), '\n')
check(text:find("'public, max-age=60'", 1, true) ~= nil and text:find("'public; max-age=60'", 1, true) == nil,
  'the fix edited the buffer to \'public, max-age=60\'')
local gone = wait_for(function() return (publishes[src] or 0) > before and find(src, 'cc-syntax') == nil end)
check(gone and find(src, 'kv-cachettl-below-minimum') ~= nil,
  're-published diagnostics drop cc-syntax and keep kv-cachettl-below-minimum (' .. table.concat(codes(src), ', ') .. ')')
finish(failed == 0 and 0 or 1)
