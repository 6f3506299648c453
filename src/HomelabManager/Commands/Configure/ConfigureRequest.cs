namespace HomelabManager.Commands.Configure;

/// <summary>The command line of one run.</summary>
/// <param name="Set">The <c>--set</c> arguments.</param>
/// <param name="AnswersFile">The <c>--answers</c> file, or null.</param>
internal sealed record ConfigureRequest(IReadOnlyList<string> Set, string? AnswersFile)
{
    /// <summary>True when answers were given on the command line (no full wizard then).</summary>
    public bool HasAnswers => Set.Count > 0 || AnswersFile is not null;
}
