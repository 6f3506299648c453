using System.Diagnostics;
using HomelabManager.Configuration;
using HomelabManager.Integrations;
using HomelabManager.Tests.Commands;
using HomelabManager.Tests.Integrations;

namespace HomelabManager.Tests.Published;

/// <summary>The shipped binary's configure wizard in a real pseudo-terminal (tmux), keys typed like a person would.</summary>
public class ConfigureTerminalTests
{
    private static readonly TimeSpan PromptTimeout = TimeSpan.FromSeconds(60);

    [RequiresProgramFact("tmux")]
    public void Configure_wizard_runs_in_a_terminal_with_the_published_binary()
    {
        var binary = PublishedBinary.Current.Path;
        using var lab = new TempHomelab();
        using var tmux = new TmuxSession(lab.Directory, $"env NO_COLOR=1 '{binary}' configure; echo \"EXIT=$?\"; sleep 600");

        tmux.WaitFor("(homelab.domain)");
        tmux.Type("lab.example.com");
        tmux.WaitFor("(homelab.datacenters)");
        tmux.Keys("Enter");
        tmux.WaitFor("Change these?");
        tmux.Keys("Enter");
        tmux.WaitFor("vpn: which provider?");
        tmux.Keys("Enter");
        tmux.WaitFor("dns: which provider?");
        tmux.Keys("Enter");
        tmux.WaitFor("reverse_proxy: which provider?");
        var index = IntegrationRegistry.Default.InCategory(IntegrationCategory.ReverseProxy).Select(p => p.Name).ToList().IndexOf("traefik") + 1;
        for (var i = 0; i < index; i++)
        {
            tmux.Keys("Down");
        }

        tmux.Keys("Enter");
        foreach (var option in IntegrationRegistry.Default.Find(IntegrationCategory.ReverseProxy, "traefik")!.Options)
        {
            tmux.WaitFor($"(reverse_proxy.config.{option.Name})");
            if (option.Name == "acme_email")
            {
                tmux.Type("not-an-email");
                tmux.WaitFor("Expected an e-mail address");
                tmux.Type("admin@lab.example.com");
            }
            else
            {
                tmux.Keys("Enter");
            }
        }

        tmux.WaitFor("auth: which provider?");
        tmux.Keys("Enter");
        var screen = tmux.WaitFor("EXIT=");

        Assert.Contains("EXIT=0", screen, StringComparison.Ordinal);
        Assert.Contains("created homelab.yaml", screen, StringComparison.Ordinal);
        var path = Path.Combine(lab.Directory, "homelab.yaml");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var loaded = HomelabConfigurationLoader.Load(lab.Directory, DictionaryVariables.Empty);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        Assert.Equal("traefik", loaded.Configuration!.ReverseProxy!.Provider);
        Assert.Equal("lab.example.com", loaded.Configuration.Homelab.Domain);
    }

    /// <summary>A detached tmux session on its own server socket, killed when disposed.</summary>
    private sealed class TmuxSession : IDisposable
    {
        private readonly string _socket = "hlm-test-" + Guid.NewGuid().ToString("N")[..12];
        private const string Name = "configure";

        public TmuxSession(string directory, string command)
        {
            Run("new-session", "-d", "-x", "120", "-y", "40", "-s", Name, "-c", directory, command);
        }

        /// <summary>Polls the pane until <paramref name="text"/> shows (bounded); returns the screen.</summary>
        public string WaitFor(string text)
        {
            var clock = Stopwatch.StartNew();
            var screen = string.Empty;
            while (clock.Elapsed < PromptTimeout)
            {
                screen = Run("capture-pane", "-p", "-J", "-S", "-200", "-t", Name);
                if (screen.Contains(text, StringComparison.Ordinal))
                {
                    return screen;
                }

                Thread.Sleep(50);
            }

            Assert.Fail($"\"{text}\" did not appear within {PromptTimeout}; the terminal shows:\n{screen}");
            return screen;
        }

        /// <summary>Types literal text, then Enter.</summary>
        public void Type(string text)
        {
            Run("send-keys", "-t", Name, "-l", text);
            Keys("Enter");
        }

        /// <summary>Presses tmux-named keys (Enter, Down, …).</summary>
        public void Keys(params string[] keys) => Run(["send-keys", "-t", Name, .. keys]);

        public void Dispose()
        {
            try
            {
                Run("kill-server");
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        private string Run(params string[] arguments)
        {
            var start = new ProcessStartInfo(LiveProxy.FindProgram("tmux")!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("-L");
            start.ArgumentList.Add(_socket);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var result = ProcessResult.Run(start, TimeSpan.FromSeconds(30));
            return result.ExitCode == 0
                ? result.Out
                : throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {result.Error}");
        }
    }
}
