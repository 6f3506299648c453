using HomelabManager.Integrations.Vpn.WireGuard;

namespace HomelabManager.Tests.Integrations.Vpn.WireGuard;

public class WireGuardKeysTests
{
    [RequiresWireGuardVectorsFact]
    public void RFC_7748_private_keys_give_the_RFC_public_keys_like_wg_pubkey()
    {
        foreach (var who in new[] { "alice", "bob" })
        {
            var (privateKey, clamped, publicKey) = Wg.VectorKeys(who);
            Assert.Equal(publicKey, WireGuardKeys.PublicKeyOf(privateKey));
            Assert.Equal(publicKey, WireGuardKeys.PublicKeyOf(clamped)); // clamping does not change the public key
            Assert.Equal(publicKey, Wg.PubKey(privateKey));
        }
    }

    [RequiresWgFact]
    public void Generated_keys_are_clamped_and_wg_derives_the_same_public_key()
    {
        for (var i = 0; i < 8; i++)
        {
            var pair = WireGuardKeys.Generate();
            Assert.True(WireGuardKeys.IsKey(pair.PrivateKey) && WireGuardKeys.IsKey(pair.PublicKey));
            var bytes = WireGuardKeys.Decode(pair.PrivateKey)!;
            Assert.Equal(0, bytes[0] & 7);
            Assert.Equal(64, bytes[31] & 0xC0);
            Assert.Equal(Wg.PubKey(pair.PrivateKey), pair.PublicKey);
            Assert.DoesNotContain(pair.PrivateKey, pair.ToString(), StringComparison.Ordinal);
        }
    }

    [RequiresWgFact]
    public void Keys_from_wg_genkey_round_trip()
    {
        for (var i = 0; i < 8; i++)
        {
            var privateKey = Wg.GenKey();
            Assert.True(WireGuardKeys.IsKey(privateKey));
            Assert.Equal(Wg.PubKey(privateKey), WireGuardKeys.PublicKeyOf(privateKey));
            Assert.Equal(privateKey, Convert.ToBase64String(WireGuardKeys.Decode(privateKey)!));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo")] // 43 characters: wg rejects it
    [InlineData("hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTm==")] // 31 bytes
    [InlineData("hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=\n")]
    [InlineData("hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066Spjqqb mo=")]
    public void Anything_but_44_characters_of_base64_for_32_bytes_is_not_a_key(string text)
    {
        Assert.False(WireGuardKeys.IsKey(text));
        Assert.Throws<FormatException>(() => WireGuardKeys.PublicKeyOf(text));
    }
}
