// Reference only: what a naive systeminformation snapshot costs (all calls in parallel).
import si from 'systeminformation';

const [osInfo, time, cpu, load, mem, fs, io, ifs, stats, conns, procs, users, temp, battery, services] =
  await Promise.all([
    si.osInfo(),
    si.time(),
    si.cpu(),
    si.currentLoad(),
    si.mem(),
    si.fsSize(),
    si.disksIO(),
    si.networkInterfaces(),
    si.networkStats('*'),
    si.networkConnections(),
    si.processes(),
    si.users(),
    si.cpuTemperature(),
    si.battery(),
    si.services('*'),
  ]);
process.stdout.write(
  JSON.stringify({
    osInfo,
    time,
    cpu,
    load,
    mem,
    fs,
    io,
    ifs,
    stats,
    conns,
    procs,
    users,
    temp,
    battery,
    services,
  }),
);
