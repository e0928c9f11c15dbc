// Keeps the server alive: every handler runs inside try/catch, failures are logged and answered with a harmless fallback.
import { ResponseError } from 'vscode-languageserver/node';

/** Where failures are logged (connection.console.error once connected). */
export type Logger = (message: string) => void;

/** Describes an error with its stack when there is one. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

/**
 * Wraps a request handler: an exception is logged and the fallback returned instead of an error the client may show
 * as a crash. ResponseErrors (deliberate answers such as cancellation) pass through.
 */
export function guardRequest<A extends unknown[], R>(log: Logger, name: string, fallback: R, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`edgelint: ${name} failed: ${describe(error)}`);
      return fallback;
    }
  };
}

/** Wraps a notification/event handler: an exception (sync or async) is logged, never thrown. */
export function guardEvent<A extends unknown[]>(log: Logger, name: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch((error: unknown) => log(`edgelint: ${name} failed: ${describe(error)}`));
    } catch (error) {
      log(`edgelint: ${name} failed: ${describe(error)}`);
    }
  };
}
