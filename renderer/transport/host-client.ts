// The ApiClient of one remote fleet host, seen through this machine's backend: commands go out as
// fleet:call (the backend forwards reads to the host with the host's key, which never reaches the
// browser), events are this backend's fleet:event filtered to the host, and the connection follows the
// host's state in fleet:changed. The dashboard's detail views use it unchanged.
import type {
  ApiClient,
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  EventPayload,
} from '../../shared/contract/api';
import type * as Contract from '../../shared/contract/api';
import { FLEET_READ_COMMANDS } from '../../shared/fleet/commands';

let schemas: Promise<typeof Contract> | undefined;
const loadSchemas = () => (schemas ??= import('../../shared/contract/api'));

const READ = new Set<string>(FLEET_READ_COMMANDS);

/** A refused or failed remote call (same shape as the HTTP client's errors: status, code, message). */
export class HostCallError extends Error {
  override readonly name = 'HostCallError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** True for commands a remote host answers through the fleet view. */
export function isHostCommand(command: string): boolean {
  return READ.has(command);
}

/** An ApiClient for fleet host `host`, over `local` (this machine's client). */
export function createHostClient(local: ApiClient, host: string): ApiClient {
  return {
    async call<C extends CommandName>(command: C, request: CommandRequest<C>): Promise<CommandResponse<C>> {
      if (!READ.has(command))
        throw new HostCallError(403, 'forbidden_command', `${command} is not available for ${host}`);
      const body = await local.call('fleet:call', {
        host,
        command,
        request: request as Record<string, unknown>,
      });
      const { COMMANDS } = await loadSchemas();
      const r = COMMANDS[command].response.safeParse(body);
      if (!r.success) {
        const issue = r.error.issues[0];
        const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid';
        throw new HostCallError(502, 'bad_response', `${host} ${command}: unexpected response (${where})`);
      }
      return r.data as CommandResponse<C>;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      let live = true;
      const off = local.subscribe('fleet:event', (e) => {
        if (e.host !== host || e.event !== event) return;
        void loadSchemas().then(({ EVENTS }) => {
          const r = EVENTS[event].safeParse(e.payload);
          if (live && r.success) listener(r.data as EventPayload<E>);
        });
      });
      return () => {
        live = false;
        off();
      };
    },
    onConnection(listener: (connected: boolean) => void): () => void {
      let localUp = true;
      let hostUp: boolean | undefined;
      let last: boolean | undefined;
      const emit = (): void => {
        if (hostUp === undefined) return;
        const up = localUp && hostUp;
        if (up === last) return;
        last = up;
        listener(up);
      };
      const offLocal = local.onConnection((c) => {
        localUp = c;
        emit();
      });
      const offHost = local.subscribe('fleet:changed', ({ changed, removed }) => {
        const mine = changed.find((h) => h.name === host);
        if (mine) hostUp = mine.state !== 'unreachable';
        else if (removed.includes(host)) hostUp = false;
        emit();
      });
      return () => {
        offLocal();
        offHost();
      };
    },
  };
}
