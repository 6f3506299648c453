using HomelabManager.Fuzz;
using SharpFuzz;

// Usage:
//   HomelabManager.Fuzz TARGET                 run under afl-fuzz (SharpFuzz's AFL mode, persistent, input on stdin)
//   HomelabManager.Fuzz TARGET --replay PATH…  run the target once per file or per file in a folder, outside AFL
// TARGET: hcl | service | yaml
if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
{
    await Console.Error.WriteLineAsync($"usage: HomelabManager.Fuzz {string.Join('|', FuzzTargets.Names)} [--replay PATH…]");
    return 2;
}

if (args.Length > 1 && args[1] == "--replay")
{
    var files = args.Skip(2).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]);
    var count = 0;
    foreach (var file in files.Order(StringComparer.Ordinal))
    {
        target(FuzzTargets.Decode(File.ReadAllBytes(file)));
        count++;
    }

    Console.WriteLine($"{args[0]}: {count} inputs replayed, none threw");
    return 0;
}

// Persistent mode: one process serves many inputs; an escaping exception is reported to AFL as a crash.
Fuzzer.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    target(FuzzTargets.Decode(memory.GetBuffer().AsSpan(0, (int)memory.Length)));
});
return 0;
