-- `smsplan lsp` through Neovim's built-in LSP client (nvim --headless, 0.7 or later), on a
-- plan made by `smsplan init --example`. The environment names the binary (SMSPLAN) and the
-- plan repository (SMSPLAN_PLAN); scripts/check-lsp-neovim sets both and runs
--   nvim --headless --clean -n -i NONE -c "lua dofile('Tests/lsp/nvim/test_smsplan_lsp.lua')"
-- Each test prints "ok NAME" or "FAIL NAME: why"; the exit status is 1 when one failed.
local smsplan = assert(os.getenv("SMSPLAN"), "SMSPLAN is not set")
local plan = assert(os.getenv("SMSPLAN_PLAN"), "SMSPLAN_PLAN is not set")
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)")
local timeout = 10000

local function out(text)
  io.stdout:write(text .. "\n")
  io.stdout:flush()
end

-- How many times the server published findings for each URI, and the last ones.
local publications, latest = {}, {}
local publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  publications[result.uri] = (publications[result.uri] or 0) + 1
  latest[result.uri] = result.diagnostics
  return publish(err, result, ctx, config)
end

local messages = {}
vim.lsp.handlers["window/showMessage"] = function(_, result)
  table.insert(messages, result.message)
end

local exit_code
local client_id = vim.lsp.start_client({
  name = "smsplan",
  cmd = { smsplan, "lsp" },
  root_dir = plan,
  on_exit = function(code) exit_code = code end,
})
assert(client_id, "the client did not start")
local client = vim.lsp.get_client_by_id(client_id)
assert(vim.wait(timeout, function() return client.server_capabilities ~= nil and client.initialized ~= false end),
  "no reply to initialize")

local failed, passed = 0, 0
local function test(name, body)
  local ok, why = pcall(body)
  -- Closing a buffer clears its findings (an empty publication): wait for it, so that it is
  -- not taken for the findings of the next test's open.
  local closed = {}
  for _, buffer in ipairs(vim.api.nvim_list_bufs()) do
    if vim.lsp.buf_is_attached(buffer, client_id) then
      local uri = vim.uri_from_bufnr(buffer)
      closed[uri] = publications[uri] or 0
    end
  end
  vim.cmd("silent! %bwipeout!")
  vim.wait(timeout, function()
    for uri, count in pairs(closed) do
      if (publications[uri] or 0) <= count then return false end
    end
    return true
  end)
  vim.fn.system({ "git", "-C", plan, "checkout", "--quiet", "--", "." })
  if ok then
    passed = passed + 1
    out("ok " .. name)
  else
    failed = failed + 1
    out("FAIL " .. name .. ": " .. tostring(why))
  end
end

local function expect(condition, why)
  if not condition then error(why, 2) end
end

-- Opens a file of the plan in a buffer the client is attached to; waits for its findings.
local function open(relative)
  vim.cmd("edit " .. vim.fn.fnameescape(plan .. "/" .. relative))
  local buffer = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buffer)
  local before = publications[uri] or 0
  vim.lsp.buf_attach_client(buffer, client_id)
  expect(vim.wait(timeout, function() return (publications[uri] or 0) > before end), "no findings after opening " .. relative)
  return buffer, uri
end

-- Runs `change` and waits for the next findings about `uri`, returning their codes.
local function after(uri, change)
  local before = publications[uri] or 0
  change()
  expect(vim.wait(timeout, function() return (publications[uri] or 0) > before end), "no findings published")
  local codes = {}
  for _, diagnostic in ipairs(latest[uri]) do table.insert(codes, diagnostic.code) end
  table.sort(codes)
  return codes, latest[uri]
end

local function request(method, params, buffer)
  local response = client.request_sync(method, params, timeout, buffer)
  expect(response and not response.err, method .. " failed: " .. vim.inspect(response))
  return response.result
end

local function line_of(buffer, prefix)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
    if line:sub(1, #prefix) == prefix then return index - 1 end
  end
  error("no line starts with " .. prefix)
end

local function position(buffer, line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(buffer) }, position = { line = line, character = character } }
end

-- Replaces the first occurrence of `from` in the buffer by `to`, lines as Neovim edits them
-- (the client sends the change incrementally).
local function replace(buffer, from, to)
  local text = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), "\n")
  local start, stop = text:find(from, 1, true)
  expect(start, "the buffer has no " .. from)
  local first = select(2, text:sub(1, start - 1):gsub("\n", ""))
  local last = select(2, text:sub(1, stop):gsub("\n", ""))
  local line_start = start - #text:sub(1, start - 1):match("[^\n]*$")
  local line_end = (text:find("\n", stop + 1, true) or (#text + 1)) - 1
  local segment = text:sub(line_start, line_end)
  local replaced = segment:sub(1, start - line_start) .. to .. segment:sub(stop - line_start + 2)
  vim.api.nvim_buf_set_lines(buffer, first, last + 1, false, vim.split(replaced, "\n", { plain = true }))
end

local function check_findings(relative)
  local report = vim.fn.json_decode(vim.fn.system({ smsplan, "check", "-C", plan, "--format", "json" }))
  local found = {}
  for _, diagnostic in ipairs(report.diagnostics) do
    if diagnostic.path == relative then table.insert(found, diagnostic.rule .. ": " .. diagnostic.message) end
  end
  return found
end

local policy = "policies/budgeting-and-accounting-policy.md"

test("initialize and capabilities", function()
  local capabilities = client.server_capabilities
  expect(capabilities.textDocumentSync.change == 2, "incremental sync")
  expect(capabilities.hoverProvider and capabilities.definitionProvider and capabilities.referencesProvider, "hover, definition, references")
  expect(capabilities.documentSymbolProvider and capabilities.completionProvider, "symbols and completion")
  expect(vim.tbl_contains(capabilities.codeActionProvider.codeActionKinds, "quickfix"), "quick fixes")
end)

test("diagnostics on open and after an edit that introduces and then removes an error", function()
  local buffer, uri = open(policy)
  expect(#latest[uri] == 0, "the example plan's policy has findings: " .. vim.inspect(latest[uri]))
  local codes, diagnostics = after(uri, function() replace(buffer, 'satisfies: ["6.4"]', 'satisfies: ["6.44"]') end)
  expect(vim.deep_equal(codes, { "requirement-unknown" }), vim.inspect(codes))
  expect(diagnostics[1].range.start.line == line_of(buffer, "satisfies:"), "the finding's line")
  expect(diagnostics[1].severity == 1, "an error")
  expect(diagnostics[1].codeDescription.href:match("rules.md#requirement%-unknown$"), "linked to its explanation")
  codes = after(uri, function() replace(buffer, 'satisfies: ["6.44"]', 'satisfies: ["6.4"]') end)
  expect(#codes == 0, vim.inspect(codes))
end)

test("completion of clause ids and roles", function()
  local buffer = open(policy)
  local clauses = request("textDocument/completion", position(buffer, line_of(buffer, "satisfies:"), 13), buffer)
  local details = {}
  for _, item in ipairs(clauses.items) do details[item.label] = item.detail end
  expect(details["6.4"] == "Budgeting and accounting for services", vim.inspect(details["6.4"]))
  local roles = request("textDocument/completion", position(buffer, line_of(buffer, "approved-by:"), 13), buffer)
  details = {}
  for _, item in ipairs(roles.items) do details[item.label] = item.detail end
  expect(details["top-management"] == "Top management", vim.inspect(details))
end)

test("hover on a clause id", function()
  local buffer = open(policy)
  local hover = request("textDocument/hover", position(buffer, line_of(buffer, "satisfies:"), 14), buffer)
  expect(hover.contents.value:find("**6.4 Budgeting and accounting for services**", 1, true) == 1, hover.contents.value)
  expect(hover.contents.value:find("coverage: covered", 1, true), hover.contents.value)
end)

test("definition of a document id", function()
  local buffer = open("records/management-review-2026-11-correction.md")
  local location = request("textDocument/definition", position(buffer, line_of(buffer, "corrects:"), 12), buffer)
  expect(vim.fn.resolve(vim.uri_to_fname(location.uri)) == vim.fn.resolve(plan .. "/records/management-review-2026-11.md"), location.uri)
end)

test("references of a role", function()
  local buffer = open(policy)
  local params = position(buffer, line_of(buffer, "owner:"), 9)
  params.context = { includeDeclaration = true }
  local references = request("textDocument/references", params, buffer)
  local files = {}
  for _, reference in ipairs(references) do
    local lines = vim.fn.readfile(vim.uri_to_fname(reference.uri))
    local line = lines[reference.range.start.line + 1]
    expect(line:sub(reference.range.start.character + 1, reference.range["end"].character) == "finance-manager", line)
    files[vim.fn.fnamemodify(vim.uri_to_fname(reference.uri), ":t")] = true
  end
  expect(files["roles.yaml"] and files["budgeting-and-accounting-policy.md"], vim.inspect(files))
end)

test("document symbols", function()
  local buffer = open(policy)
  local symbols = request("textDocument/documentSymbol", { textDocument = { uri = vim.uri_from_bufnr(buffer) } }, buffer)
  expect(symbols[1].name == "front matter" and symbols[1].children[1].name == "id", vim.inspect(symbols[1]))
  local sections = {}
  for _, child in ipairs(symbols[2].children) do table.insert(sections, child.name) end
  expect(vim.deep_equal(sections, { "Purpose", "Scope", "Policy statements", "Roles", "Review" }), vim.inspect(sections))
end)

local cases = vim.fn.json_decode(table.concat(vim.fn.readfile(here .. "../quickfixes.json"), "\n")).cases
for _, case in ipairs(cases) do
  test("quick fix: " .. case.name, function()
    local buffer, uri = open(case.path)
    expect(#latest[uri] == 0, "findings before the edit: " .. vim.inspect(latest[uri]))
    local codes = after(uri, function()
      for _, edit in ipairs(case.edits) do replace(buffer, edit[1], edit[2]) end
    end)
    if case.save then codes = after(uri, function() vim.cmd("silent write") end) end
    expect(vim.tbl_contains(codes, case.rule), "no " .. case.rule .. " in " .. vim.inspect(codes))
    local finding
    for _, diagnostic in ipairs(latest[uri]) do
      if diagnostic.code == case.rule then finding = diagnostic end
    end
    local actions = request("textDocument/codeAction", {
      textDocument = { uri = uri }, range = finding.range, context = { diagnostics = { finding } },
    }, buffer)
    local chosen
    for _, action in ipairs(actions) do
      if action.title:sub(1, #case.fix) == case.fix then chosen = action end
    end
    expect(chosen, "no fix titled " .. case.fix .. " in " .. vim.inspect(actions))
    expect(chosen.kind == "quickfix" and chosen.diagnostics[1].code == case.rule, vim.inspect(chosen))
    codes = after(uri, function() vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding) end)
    expect(#codes == 0, "findings after the fix: " .. vim.inspect(latest[uri]))
    codes = after(uri, function() vim.cmd("silent write") end)
    expect(#codes == 0, "findings after saving: " .. vim.inspect(latest[uri]))
    local found = check_findings(case.path)
    expect(#found == 0, "smsplan check: " .. vim.inspect(found))
  end)
end

test("shutdown and exit", function()
  vim.lsp.stop_client(client_id)
  expect(vim.wait(timeout, function() return exit_code ~= nil end), "the server did not exit")
  expect(exit_code == 0, "exit status " .. tostring(exit_code))
end)

out(string.format("%d passed, %d failed", passed, failed))
os.exit(failed == 0 and 0 or 1)
