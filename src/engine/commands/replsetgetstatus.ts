import { Long } from 'bson';
import { toTimestamp } from '../changes/cluster-clock.js';
import type { CommandSpec } from '../dispatch/command-context.js';

/** replSetGetStatus implements `replSetGetStatus` for the one member, always PRIMARY. */
export const replSetGetStatus: CommandSpec = {
  name: 'replSetGetStatus',
  help: 'replica set member states',
  handler: ({ engine, connection }) => {
    const optime = { ts: toTimestamp(engine.clock.lastApplied()), t: Long.fromNumber(1) };
    return {
      set: engine.options.replSetName,
      date: new Date(),
      myState: 1,
      term: Long.fromNumber(1),
      heartbeatIntervalMillis: Long.fromNumber(2000),
      optimes: { lastCommittedOpTime: optime, appliedOpTime: optime, durableOpTime: optime },
      members: [
        {
          _id: 0,
          name: connection.hostPort,
          health: 1,
          state: 1,
          stateStr: 'PRIMARY',
          uptime: Math.floor((Date.now() - engine.startedAt.getTime()) / 1000),
          optime,
          optimeDate: new Date(),
          self: true,
        },
      ],
      ok: 1,
    };
  },
};
