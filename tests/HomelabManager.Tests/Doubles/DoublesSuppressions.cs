using System.Diagnostics.CodeAnalysis;

// JSON keys such as "Index" or "Type" are wire names that happen to equal member names; nameof would be wrong.
[assembly: SuppressMessage("Usage", "CA1507:Use nameof to express symbol names", Justification = "JSON wire names", Scope = "namespaceanddescendants", Target = "~N:HomelabManager.Tests.Doubles")]
