using HomelabManager.Definitions;
using HomelabManager.Secrets;

namespace HomelabManager.Tests.Jobs;

public sealed class VaultReferenceTests
{
    [Fact]
    public void Parses_path_key_and_mount()
    {
        var reference = VaultReference.Parse("vault:secret/nextcloud/db#admin_password");

        Assert.Equal(("secret/nextcloud/db", "admin_password"), (reference.Path, reference.Key));
        Assert.Equal(("secret", "nextcloud/db"), (reference.Mount, reference.PathInMount));
        Assert.Equal("vault:secret/nextcloud/db#admin_password", reference.ToString());
    }

    [Fact]
    public void Key_is_everything_after_the_first_hash_and_round_trips()
    {
        var reference = VaultReference.Parse("vault:secret/app#a#b");

        Assert.Equal("a#b", reference.Key);
        Assert.Equal(reference, VaultReference.Parse(reference.ToString()));
    }

    [Theory]
    [InlineData("secret/app#key", "starts with 'vault:'")]
    [InlineData("vault:secret/app", "has no '#KEY'")]
    [InlineData("vault:#key", "needs both a path and a key")]
    [InlineData("vault:secret/app#", "needs both a path and a key")]
    [InlineData("vault:app#key", "needs a mount and a secret")]
    [InlineData("vault:secret//app#key", "empty, '.' or '..' segment")]
    [InlineData("vault:secret/../sys#key", "empty, '.' or '..' segment")]
    [InlineData("vault:secret/my app#key", "whitespace")]
    public void Rejects_malformed_references_with_a_reason(string text, string reason)
    {
        Assert.False(VaultReference.TryParse(text, out var reference, out var error));
        Assert.Null(reference);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => VaultReference.Parse(text));
    }
}
