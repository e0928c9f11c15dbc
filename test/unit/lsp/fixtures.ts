// Shared fixtures for the LSP tests: a small Worker project, client capability sets, and a started server over it.
import { readFileSync } from 'node:fs';
import { LspClient, type StartOptions } from '../../harness/lsp-client';
import { tempProject, type TempProject } from '../../harness/temp-project';

export const WRANGLER = `name = "app"
main = "src/index.ts"
compatibility_date = "2025-06-01"

[[kv_namespaces]]
binding = "SESSIONS"
id = "00000000000000000000000000000003"
`;

export const WORKER = `export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const key = new URL(request.url).pathname;
    const session = await env.SESSIONS.get(key, { cacheTtl: 10 });
    return new Response(session, { headers: { 'Cache-Control': 'public; max-age=60' } });
  },
};
`;

export const HEADERS = `/static/*
  Cache-Control: public; max-age=31536000; immutable
`;

export const PACKAGE_JSON = `{ "name": "app", "private": true, "scripts": { "deploy": "wrangler deploy" } }
`;

/** The files every LSP test project starts with. */
export const PROJECT_FILES: Record<string, string> = {
  'wrangler.toml': WRANGLER,
  'src/index.ts': WORKER,
  'public/_headers': HEADERS,
  'package.json': PACKAGE_JSON,
};

const codeActionLiteralSupport = { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } };

/** VS Code-like capabilities: pull diagnostics with refresh, dynamic watchers/config, version-checked edits. */
export const PULL_CAPS = {
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    codeAction: { codeActionLiteralSupport, isPreferredSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    applyEdit: true,
  },
  window: { showDocument: { support: true } },
};

/** Neovim 0.7-like capabilities: no pull diagnostics, no dynamic watchers, plain `changes` edits. */
export const PUSH_CAPS = {
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true },
    codeAction: { codeActionLiteralSupport },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { resourceOperations: ['rename', 'create', 'delete'] } },
};

/** A started, initialized server over a fresh temp project. */
export interface Session {
  client: LspClient;
  project: TempProject;
  /** Opens a project file with its on-disk text. */
  open(rel: string, languageId?: string): string;
  /** textDocument/diagnostic for a project file. */
  pull(rel: string, previousResultId?: string): Promise<any>;
  /** Stops the server and removes the project. */
  dispose(): Promise<void>;
}

const LANGUAGES: [RegExp, string][] = [[/\.tsx?$/, 'typescript'], [/\.jsx?$/, 'javascript'], [/\.toml$/, 'toml'], [/_headers$/, 'cloudflare-headers'], [/\.ya?ml$/, 'yaml'], [/\.jsonc?$/, 'json']];

/** Starts a server over a temp project holding PROJECT_FILES plus `files`. */
export async function startSession(options: { caps?: object; files?: Record<string, string>; env?: StartOptions['env']; settings?: object; initializationOptions?: object } = {}): Promise<Session> {
  const project = tempProject({ ...PROJECT_FILES, ...options.files });
  const client = LspClient.start({ env: options.env });
  if (options.settings) client.settings = () => options.settings;
  await client.initialize(project.rootUri, options.caps ?? PULL_CAPS, options.initializationOptions);
  return {
    client,
    project,
    open(rel, languageId) {
      const uri = project.uri(rel);
      client.open(uri, languageId ?? LANGUAGES.find(([re]) => re.test(rel))?.[1] ?? 'plaintext', readFileSync(project.path(rel), 'utf8'));
      return uri;
    },
    pull: (rel, previousResultId) => client.request('textDocument/diagnostic', { textDocument: { uri: project.uri(rel) }, previousResultId }),
    async dispose() {
      await client.stop();
      project.remove();
    },
  };
}

/** Rule ids (diagnostic codes) of a list of diagnostics. */
export function codes(diagnostics: { code?: unknown }[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** The first diagnostic with a code. */
export function find(diagnostics: any[], code: string): any {
  return diagnostics.find((d) => d.code === code);
}
