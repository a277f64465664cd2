import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { SearchAttributeType } from '@temporalio/common';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { startDevServer, type DevServer } from './dev-server.js';
import { CASE_SEARCH_ATTRIBUTES } from './search-attributes.js';

export interface TemporalRuntime {
  address: string;
  namespace: string;
  mode: 'external' | 'embedded-dev-server';
  uiUrl?: string;
  /** For starting, signalling and querying workflows (API side), over `nativeConnection`. */
  client: Client;
  /**
   * The one connection to Temporal, through the SDK's Rust core: the worker polls on it and the
   * client's calls go through it too (the core's gRPC costs the API's event loop less per signal
   * than @grpc/grpc-js: bench `api`, CPU per note).
   */
  nativeConnection: NativeConnection;
  checkHealth(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * TEMPORAL_ADDRESS when set (a real cluster), else the provisioned Temporal CLI dev server with its
 * history under DATA_DIR/temporal and Temporal UI on its own port. Either way the product's custom
 * search attributes are registered before any case starts.
 */
export async function connectTemporal(config: Config, logger: Logger): Promise<TemporalRuntime> {
  let devServer: DevServer | undefined;
  let address = config.TEMPORAL_ADDRESS;
  if (!address) {
    devServer = await startDevServer({
      dataDir: config.DATA_DIR,
      port: config.TEMPORAL_DEV_SERVER_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      namespace: config.TEMPORAL_NAMESPACE,
      cliPath: config.TEMPORAL_CLI_PATH,
      onLog: (line) => logger.debug('temporal dev server', { line }),
    });
    address = devServer.address;
  }
  const namespace = config.TEMPORAL_NAMESPACE;
  let nativeConnection: NativeConnection | undefined;
  try {
    nativeConnection = await NativeConnection.connect({ address }).catch((error: unknown) => {
      throw new Error(`cannot reach Temporal at ${address} (TEMPORAL_ADDRESS): ${describe(error)}; start it or correct TEMPORAL_ADDRESS`);
    });
    if (!devServer) await registerSearchAttributes(nativeConnection, namespace, logger);
  } catch (error) {
    await nativeConnection?.close();
    await devServer?.stop();
    throw error;
  }
  const connection = nativeConnection;
  const client = new Client({ connection, namespace });
  const mode = devServer ? 'embedded-dev-server' : 'external';
  const uiUrl = devServer?.uiUrl ?? config.TEMPORAL_UI_URL;
  return {
    address,
    namespace,
    mode,
    uiUrl,
    client,
    nativeConnection: connection,
    checkHealth: async () => {
      await connection.workflowService.describeNamespace({ namespace });
      return { mode, address, namespace, ...(uiUrl ? { uiUrl } : {}) };
    },
    close: async () => {
      await connection.close();
      await devServer?.stop();
    },
  };
}

const indexedValueTypes: Record<SearchAttributeType, number> = {
  // temporal.api.enums.v1.IndexedValueType
  [SearchAttributeType.TEXT]: 1,
  [SearchAttributeType.KEYWORD]: 2,
  [SearchAttributeType.INT]: 3,
  [SearchAttributeType.DOUBLE]: 4,
  [SearchAttributeType.BOOL]: 5,
  [SearchAttributeType.DATETIME]: 6,
  [SearchAttributeType.KEYWORD_LIST]: 7,
};

/** Adds the missing custom search attributes on a real cluster; where the operator API is not allowed (Temporal Cloud), says what to do. */
async function registerSearchAttributes(connection: NativeConnection, namespace: string, logger: Logger): Promise<void> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const known = new Set(Object.keys(existing.customAttributes ?? {}));
    const missing = CASE_SEARCH_ATTRIBUTES.filter((key) => !known.has(key.name));
    if (missing.length === 0) return;
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, indexedValueTypes[key.type]])),
    });
    logger.info('registered search attributes', { namespace, names: missing.map((key) => key.name) });
  } catch (error) {
    logger.warn('could not register the case search attributes; register them with `temporal operator search-attribute create`', {
      namespace,
      error,
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
