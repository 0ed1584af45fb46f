using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KnockAdmin.Core.Notifications;

namespace KnockAdmin.Core.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-0123456789abcdef";

    private const string Body = """{"version":1,"id":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"test"}""";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1764700000);

    [Fact]
    public void The_signature_is_the_HMAC_SHA256_that_openssl_and_python_compute_over_timestamp_dot_body()
    {
        // Computed outside .NET: printf '%s' "1764700000.$body" | openssl dgst -sha256 -hmac "$secret" (and Python's hmac).
        const string expected = "efb652a1d511adb179d3e60a2173da992a5b8f2287c8669bc44a6a8a034b7d7b";

        var header = WebhookSignature.HeaderValue(Secret, SignedAt, Encoding.UTF8.GetBytes(Body));

        Assert.Equal($"t=1764700000,v1={expected}", header);
    }

    [Fact]
    public void A_receiver_accepts_the_signature_within_the_tolerance_on_either_side_of_its_clock()
    {
        var header = Sign(Body);

        Assert.True(Verify(header, Body, SignedAt.AddMinutes(4)).IsValid);
        Assert.True(Verify(header, Body, SignedAt.AddMinutes(-4)).IsValid);
    }

    [Theory]
    [InlineData("""{"version":1,"id":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"tesT"}""", "does not match")]
    [InlineData("""{"version":1,"id":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"test"} """, "does not match")]
    [InlineData("", "does not match")]
    public void A_changed_body_is_refused(string received, string reason)
    {
        var check = Verify(Sign(Body), received, SignedAt);

        Assert.False(check.IsValid);
        Assert.Contains(reason, check.Reason);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        var header = WebhookSignature.HeaderValue("another-secret-0123456", SignedAt, Encoding.UTF8.GetBytes(Body));

        Assert.False(Verify(header, Body, SignedAt).IsValid);
    }

    [Fact]
    public void A_replay_later_than_the_tolerance_is_refused_even_with_a_valid_signature()
    {
        var check = Verify(Sign(Body), Body, SignedAt.AddMinutes(6));

        Assert.False(check.IsValid);
        Assert.Contains("replay", check.Reason);
    }

    [Fact]
    public void Moving_the_timestamp_to_make_an_old_request_look_fresh_breaks_the_signature()
    {
        var old = Sign(Body);
        var fresh = "t=" + SignedAt.AddHours(1).ToUnixTimeSeconds() + old[old.IndexOf(',')..];

        var check = Verify(fresh, Body, SignedAt.AddHours(1));

        Assert.False(check.IsValid);
        Assert.Contains("does not match", check.Reason);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("v1=abc", "no timestamp")]
    [InlineData("t=1764700000", "no signature")]
    [InlineData("t=1764700000,garbage", "malformed")]
    [InlineData("t=-5,v1=00", "no timestamp")]
    [InlineData("t=99999999999999999999999,v1=00", "no timestamp")]
    public void A_malformed_header_is_refused_with_a_reason(string? header, string reason)
    {
        var check = Verify(header, Body, SignedAt);

        Assert.False(check.IsValid);
        Assert.Contains(reason, check.Reason);
    }

    [Fact]
    public void Of_several_v1_signatures_one_valid_is_enough_so_a_secret_can_be_changed_gradually()
    {
        var valid = Sign(Body);
        var header = $"t={SignedAt.ToUnixTimeSeconds()},v1={new string('0', 64)},{valid[valid.IndexOf("v1=", StringComparison.Ordinal)..]}";

        Assert.True(Verify(header, Body, SignedAt).IsValid);
    }

    [Property(MaxTest = 200)]
    public Property Any_body_and_secret_verify_and_flipping_any_byte_of_the_body_breaks_the_signature() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<NonEmptyString>(), (body, secret) =>
        {
            var header = WebhookSignature.HeaderValue(secret.Get, SignedAt, body);
            if (!WebhookSignature.Verify(header, body, secret.Get, SignedAt, WebhookSignature.DefaultTolerance).IsValid)
            {
                return false;
            }

            for (var i = 0; i < body.Length; i++)
            {
                var changed = (byte[])body.Clone();
                changed[i] ^= 0x01;
                if (WebhookSignature.Verify(header, changed, secret.Get, SignedAt, WebhookSignature.DefaultTolerance).IsValid)
                {
                    return false;
                }
            }

            return true;
        });

    private static string Sign(string body) => WebhookSignature.HeaderValue(Secret, SignedAt, Encoding.UTF8.GetBytes(body));

    private static SignatureCheck Verify(string? header, string body, DateTimeOffset now) =>
        WebhookSignature.Verify(header, Encoding.UTF8.GetBytes(body), Secret, now, WebhookSignature.DefaultTolerance);
}
