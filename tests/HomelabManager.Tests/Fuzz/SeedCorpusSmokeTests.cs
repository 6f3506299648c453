using HomelabManager.Fuzz;

namespace HomelabManager.Tests.Fuzz;

/// <summary>
/// The CI-sized part of fuzzing: every fuzz target's entry function (fuzz/HomelabManager.Fuzz) runs once over each
/// seed fuzz/run.sh gives it, and must not throw. The coverage-guided runs themselves are too long for CI.
/// Seeds from <c>../shared/corpus</c> are only used when it is there.
/// </summary>
public class SeedCorpusSmokeTests
{
    public static TheoryData<string, string> Seeds()
    {
        var data = new TheoryData<string, string>();
        var root = RepositoryPaths.Root;
        var services = Directory.GetFiles(Path.Combine(RepositoryPaths.ExampleHomelab, "services"), "service.hcl", SearchOption.AllDirectories);
        var serviceSeeds = Directory.GetFiles(Path.Combine(root, "fuzz", "seeds", "service"));
        var corpus = Path.Combine(RepositoryPaths.Shared, "corpus");
        var shared = new[] { "hcl-spec", "nomad-jobs" }
            .Select(folder => Path.Combine(corpus, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".txt", StringComparison.Ordinal));
        Add("hcl", shared.Concat(services));
        Add("service", services.Concat(serviceSeeds));
        Add("yaml", Directory.GetFiles(Path.Combine(root, "fuzz", "seeds", "yaml")).Append(Path.Combine(RepositoryPaths.ExampleHomelab, "homelab.yaml")));
        return data;

        void Add(string target, IEnumerable<string> files)
        {
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                data.Add(target, Path.GetRelativePath(root, file));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Target_never_throws_on_its_seed(string target, string seed)
    {
        var run = FuzzTargets.Find(target);
        Assert.NotNull(run);
        var text = FuzzTargets.Decode(File.ReadAllBytes(Path.GetFullPath(Path.Combine(RepositoryPaths.Root, seed))));

        run(text);
    }

    [Fact]
    public void Every_target_has_an_entry_function() =>
        Assert.All(FuzzTargets.Names, name => Assert.NotNull(FuzzTargets.Find(name)));
}
