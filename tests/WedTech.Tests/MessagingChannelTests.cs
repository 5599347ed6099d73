using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Messaging;
using WedTech.Server.Messaging.Channels;
using WedTech.Server.Messaging.Push;
using WedTech.Server.Platform.Email;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// Each channel's real client against <see cref="FakeProviders"/> (which checks requests as the providers document
/// them) and e-mail against the configured sender: the pickup folder on the embedded server, the test SMTP server on
/// the at-scale one.
/// </summary>
public abstract class MessagingChannelTests(TestServer server) : ProviderTests(server)
{
    private const string HindiSubject = "आपकी मेहंदी का निमंत्रण";
    private const string HindiBody = "नमस्ते प्रिया जी, मेहंदी शनिवार शाम 6 बजे, उदयपुर में। — शादी स्टूडियो";

    private static FakeProviders Fake => FakeProviders.Instance;

    internal static OutgoingMessage Message(MessageChannel channel, string recipient, string body = HindiBody, SmsProvider sms = SmsProvider.Twilio,
        string? template = null, IReadOnlyList<string>? parameters = null, string language = "hi", Guid? tenantId = null, string? subject = HindiSubject) =>
        new(Guid.CreateVersion7(), tenantId ?? Guid.CreateVersion7(), channel, recipient, "Priya Sharma", subject, body, null, language, sms, template, parameters ?? []);

    private async Task<SendOutcome> SendAsync(OutgoingMessage message, Studio? studio = null)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        if (studio is not null)
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, Cancel);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
        }
        var channel = scope.ServiceProvider.GetServices<IMessageChannel>().Single(c => c.Channel == message.Channel);
        return await channel.SendAsync(message, Cancel);
    }

    private static ProviderRequest OnlyRequestFor(string recipient)
    {
        var request = Fake.ReceivedFor(recipient).ShouldHaveSingleItem();
        request.Problem.ShouldBeNull();
        return request;
    }

    // ---- SMS through Twilio

    [Fact]
    public async Task Twilio_gets_the_documented_form_with_basic_auth_and_its_sid_comes_back()
    {
        var to = FakeProviders.NewIndianMobile();
        var outcome = (await SendAsync(Message(MessageChannel.Sms, to))).ShouldBeOfType<SendOutcome.Accepted>();
        outcome.Provider.ShouldBe("twilio");
        outcome.ProviderMessageId.ShouldMatch("^SM[0-9a-f]{32}$");
        outcome.Status.ShouldBe(MessageStatus.Sent);

        var request = OnlyRequestFor(to);
        request.Path.ShouldBe($"/twilio/2010-04-01/Accounts/{FakeProviders.TwilioAccountSid}/Messages.json");
        request.Headers["Authorization"].ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeProviders.TwilioAccountSid}:{FakeProviders.TwilioAuthToken}")));
        request.Headers["Content-Type"].ShouldStartWith("application/x-www-form-urlencoded");
        var form = new FormReader(request.Body).ReadForm();
        form.Keys.Order(StringComparer.Ordinal).ShouldBe(["Body", "From", "StatusCallback", "To"]);
        form["To"].ToString().ShouldBe(to);
        form["From"].ToString().ShouldBe(FakeProviders.TwilioFrom);
        form["Body"].ToString().ShouldBe(HindiBody);
        form["StatusCallback"].ToString().ShouldBe(FakeProviders.TwilioStatusCallbackUrl);
    }

    [Fact]
    public async Task Twilio_rate_limit_is_retried_after_what_twilio_says()
    {
        var to = FakeProviders.NewIndianMobile("0429");
        var outcome = (await SendAsync(Message(MessageChannel.Sms, to))).ShouldBeOfType<SendOutcome.RetryLater>();
        outcome.After.ShouldBe(TimeSpan.FromSeconds(FakeProviders.RetryAfterSeconds));
        outcome.Reason.ShouldContain("20429");
        OnlyRequestFor(to).AnsweredStatus.ShouldBe(429);
    }

    [Theory]
    [InlineData("0400", "21211")]
    [InlineData("0610", "21610")]
    public async Task Twilio_refusing_the_number_fails_the_message(string ending, string code)
    {
        var to = FakeProviders.NewIndianMobile(ending);
        var outcome = (await SendAsync(Message(MessageChannel.Sms, to))).ShouldBeOfType<SendOutcome.Rejected>();
        outcome.Reason.ShouldContain(code);
        OnlyRequestFor(to).AnsweredStatus.ShouldBe(400);
    }

    [Fact]
    public async Task Twilio_failing_on_its_side_is_retried()
    {
        var to = FakeProviders.NewIndianMobile("0500");
        (await SendAsync(Message(MessageChannel.Sms, to))).ShouldBeOfType<SendOutcome.RetryLater>().After.ShouldBeNull();
        OnlyRequestFor(to).AnsweredStatus.ShouldBe(500);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_reached_is_retried()
    {
        var client = new TwilioSmsClient(new HttpClient(), Options.Create(new TwilioOptions
        {
            BaseUrl = $"http://127.0.0.1:{Ports.Free()}",
            AccountSid = FakeProviders.TwilioAccountSid,
            AuthToken = FakeProviders.TwilioAuthToken,
            From = FakeProviders.TwilioFrom,
        }), TimeProvider.System);
        (await client.SendAsync(Message(MessageChannel.Sms, FakeProviders.NewIndianMobile()), Cancel))
            .ShouldBeOfType<SendOutcome.RetryLater>().Reason.ShouldContain("could not be reached");
    }

    // ---- SMS through MSG91

    [Fact]
    public async Task Msg91_gets_the_flow_request_with_the_template_and_its_variables()
    {
        var to = FakeProviders.NewIndianMobile();
        var outcome = (await SendAsync(Message(MessageChannel.Sms, to, sms: SmsProvider.Msg91, template: "6571a3b2d6fc05206e3d7f12", parameters: ["प्रिया", "मेहंदी"])))
            .ShouldBeOfType<SendOutcome.Accepted>();
        outcome.Provider.ShouldBe("msg91");
        outcome.ProviderMessageId.ShouldMatch("^[0-9a-f]{24}$");

        var request = OnlyRequestFor(to);
        request.Path.ShouldBe("/msg91/api/v5/flow");
        request.Headers["authkey"].ShouldBe(FakeProviders.Msg91AuthKey);
        request.Headers["Content-Type"].ShouldStartWith("application/json");
        var body = JsonNode.Parse(request.Body)!;
        JsonNode.DeepEquals(body, JsonNode.Parse($$"""
            {"template_id":"6571a3b2d6fc05206e3d7f12","short_url":"0","recipients":[{"mobiles":"{{to[1..]}}","VAR1":"प्रिया","VAR2":"मेहंदी"}]}
            """)).ShouldBeTrue(request.Body);
    }

    [Fact]
    public async Task Msg91_needs_a_registered_template_and_nothing_is_sent_without_one()
    {
        var to = FakeProviders.NewIndianMobile();
        (await SendAsync(Message(MessageChannel.Sms, to, sms: SmsProvider.Msg91))).ShouldBeOfType<SendOutcome.Rejected>().Reason.ShouldContain("DLT");
        Fake.ReceivedFor(to).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0429", typeof(SendOutcome.RetryLater))]
    [InlineData("0400", typeof(SendOutcome.Rejected))]
    [InlineData("0500", typeof(SendOutcome.RetryLater))]
    public async Task Msg91_failures_are_retried_or_final_as_they_deserve(string ending, Type expected)
    {
        var to = FakeProviders.NewIndianMobile(ending);
        var outcome = await SendAsync(Message(MessageChannel.Sms, to, sms: SmsProvider.Msg91, template: "6571a3b2d6fc05206e3d7f12"));
        outcome.ShouldBeOfType(expected);
        if (outcome is SendOutcome.RetryLater { After: { } after })
        {
            after.ShouldBe(TimeSpan.FromSeconds(FakeProviders.RetryAfterSeconds));
        }
        OnlyRequestFor(to);
    }

    // ---- WhatsApp Cloud API

    [Fact]
    public async Task WhatsApp_sends_an_approved_template_with_its_body_parameters_in_hindi()
    {
        var to = FakeProviders.NewIndianMobile();
        var outcome = (await SendAsync(Message(MessageChannel.WhatsApp, to, template: "mehendi_invite", parameters: ["प्रिया", "शनिवार 6 बजे"])))
            .ShouldBeOfType<SendOutcome.Accepted>();
        outcome.Provider.ShouldBe("whatsapp");
        outcome.ProviderMessageId.ShouldStartWith("wamid.");

        var request = OnlyRequestFor(to);
        request.Path.ShouldBe($"/whatsapp/{FakeProviders.WhatsAppApiVersion}/{FakeProviders.WhatsAppPhoneNumberId}/messages");
        request.Headers["Authorization"].ShouldBe($"Bearer {FakeProviders.WhatsAppAccessToken}");
        request.Headers["Content-Type"].ShouldStartWith("application/json");
        JsonNode.DeepEquals(JsonNode.Parse(request.Body), JsonNode.Parse($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to[1..]}}}","type":"template",
             "template":{"name":"mehendi_invite","language":{"code":"hi"},
                         "components":[{"type":"body","parameters":[{"type":"text","text":"प्रिया"},{"type":"text","text":"शनिवार 6 बजे"}]}]}}
            """)).ShouldBeTrue(request.Body);
    }

    [Fact]
    public async Task WhatsApp_without_a_template_sends_plain_text()
    {
        var to = FakeProviders.NewIndianMobile();
        (await SendAsync(Message(MessageChannel.WhatsApp, to, language: "en"))).ShouldBeOfType<SendOutcome.Accepted>();
        JsonNode.DeepEquals(JsonNode.Parse(OnlyRequestFor(to).Body), JsonNode.Parse($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to[1..]}}}","type":"text","text":{"preview_url":false,"body":"{{{HindiBody}}}"}}
            """)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("0429", typeof(SendOutcome.RetryLater), "130429")]
    [InlineData("0400", typeof(SendOutcome.Rejected), "131026")]
    [InlineData("0500", typeof(SendOutcome.RetryLater), "131000")]
    public async Task WhatsApp_errors_are_read_by_their_code(string ending, Type expected, string code)
    {
        var to = FakeProviders.NewIndianMobile(ending);
        var outcome = await SendAsync(Message(MessageChannel.WhatsApp, to, template: "mehendi_invite"));
        outcome.ShouldBeOfType(expected);
        (outcome is SendOutcome.RetryLater retry ? retry.Reason : ((SendOutcome.Rejected)outcome).Reason).ShouldContain(code);
        OnlyRequestFor(to);
    }

    [Fact]
    public async Task Provider_credentials_never_reach_the_logs()
    {
        await SendAsync(Message(MessageChannel.Sms, FakeProviders.NewIndianMobile()));
        await SendAsync(Message(MessageChannel.Sms, FakeProviders.NewIndianMobile(), sms: SmsProvider.Msg91, template: "6571a3b2d6fc05206e3d7f12"));
        await SendAsync(Message(MessageChannel.WhatsApp, FakeProviders.NewIndianMobile(), template: "mehendi_invite"));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeProviders.TwilioAccountSid}:{FakeProviders.TwilioAuthToken}"));
        foreach (var secret in new[] { FakeProviders.TwilioAuthToken, basic, FakeProviders.Msg91AuthKey, FakeProviders.WhatsAppAccessToken })
        {
            Server.Logs.Lines.ShouldNotContain(line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    // ---- Web Push

    private async Task<(Studio Studio, Member Member)> MemberWithDevicesAsync(params PushSubscriber[] devices)
    {
        var studio = await NewStudioAsync();
        var member = await studio.AddMemberAsync(Role.Coordinator);
        foreach (var device in devices)
        {
            (await member.Client.PostJsonAsync("/api/v1/push/subscriptions", new PushSubscriptionRequest(device.Endpoint, new(device.P256dh, device.Auth))))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        return (studio, member);
    }

    private async Task<List<string>> EndpointsOfAsync(Studio studio, Guid userId)
    {
        var tenant = await Server.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, Cancel);
        await using var db = Server.Services.GetRequiredService<IDatabaseProvider>().CreateTenantContext(tenant!.DatabaseName);
        return await db.PushSubscriptions.Where(s => s.UserId == userId).Select(s => s.Endpoint).ToListAsync(Cancel);
    }

    [Fact]
    public async Task Push_reaches_every_device_encrypted_and_vapid_signed_and_forgets_devices_the_service_no_longer_knows()
    {
        var phone = Fake.NewPushSubscriber();
        var laptop = Fake.NewPushSubscriber();
        var uninstalled = Fake.NewPushSubscriber("gone");
        var (studio, member) = await MemberWithDevicesAsync(phone, laptop, uninstalled);
        var publicKey = (await member.Client.GetAsync<PushPublicKeyResponse>("/api/v1/push/public-key")).PublicKey;

        var message = Message(MessageChannel.Push, member.Id.ToString(), tenantId: studio.TenantId) with { Link = "/app/reports?report=01938a00-0000-7000-8000-000000000001" };
        var outcome = (await SendAsync(message, studio)).ShouldBeOfType<SendOutcome.Accepted>();
        outcome.Provider.ShouldBe("webpush");

        foreach (var device in new[] { phone, laptop })
        {
            var request = OnlyRequestFor(device.Endpoint);
            request.AnsweredStatus.ShouldBe(201);
            request.Headers["Content-Encoding"].ShouldBe("aes128gcm");
            request.Headers["Authorization"].ShouldEndWith($", k={publicKey}");
            // What the browser decrypts with its own private key.
            var payload = JsonNode.Parse(request.PushPayload.ShouldNotBeNull())!;
            payload["title"]!.GetValue<string>().ShouldBe(HindiSubject);
            payload["body"]!.GetValue<string>().ShouldBe(HindiBody);
            payload["tag"]!.GetValue<string>().ShouldBe(message.Id.ToString("N"));
            payload["url"]!.GetValue<string>().ShouldBe(message.Link, "what a tap on it opens");
            // The ciphertext does not carry the text.
            request.Body.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("नमस्ते")));
        }
        Fake.ReceivedFor(uninstalled.Endpoint).ShouldHaveSingleItem().AnsweredStatus.ShouldBe(410);
        (await EndpointsOfAsync(studio, member.Id)).Order(StringComparer.Ordinal).ShouldBe(new[] { phone.Endpoint, laptop.Endpoint }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Push_to_someone_without_a_device_fails_and_a_device_the_service_forgot_is_removed()
    {
        var forgotten = Fake.NewPushSubscriber("missing");
        var (studio, member) = await MemberWithDevicesAsync(forgotten);
        (await SendAsync(Message(MessageChannel.Push, member.Id.ToString(), tenantId: studio.TenantId), studio))
            .ShouldBeOfType<SendOutcome.Rejected>().Reason.ShouldBe("no push subscription");
        Fake.ReceivedFor(forgotten.Endpoint).ShouldHaveSingleItem().AnsweredStatus.ShouldBe(404);
        (await EndpointsOfAsync(studio, member.Id)).ShouldBeEmpty();
        (await SendAsync(Message(MessageChannel.Push, member.Id.ToString(), tenantId: studio.TenantId), studio))
            .ShouldBeOfType<SendOutcome.Rejected>().Reason.ShouldBe("no push subscription");
    }

    [Theory]
    [InlineData("0429")]
    [InlineData("0500")]
    public async Task Push_service_rate_limited_or_down_is_retried_and_the_device_kept(string ending)
    {
        var device = Fake.NewPushSubscriber(ending);
        var (studio, member) = await MemberWithDevicesAsync(device);
        var outcome = (await SendAsync(Message(MessageChannel.Push, member.Id.ToString(), tenantId: studio.TenantId), studio)).ShouldBeOfType<SendOutcome.RetryLater>();
        outcome.After.ShouldBe(ending == "0429" ? TimeSpan.FromSeconds(FakeProviders.RetryAfterSeconds) : null);
        OnlyRequestFor(device.Endpoint);
        (await EndpointsOfAsync(studio, member.Id)).ShouldBe([device.Endpoint]);
    }

    // ---- E-mail through the configured sender

    [Fact]
    public async Task Email_in_hindi_arrives_intact_with_the_message_id_the_channel_reported()
    {
        var address = $"priya-{Guid.NewGuid():N}@example.com";
        var outcome = (await SendAsync(Message(MessageChannel.Email, address) with { HtmlBody = $"<p>{HindiBody}</p>" })).ShouldBeOfType<SendOutcome.Accepted>();
        outcome.Provider.ShouldBe("email");

        var mail = await Mailbox.LatestToAsync(Server.MailDirectory, address);
        mail.MessageId.ShouldBe(outcome.ProviderMessageId);
        mail.Subject.ShouldBe(HindiSubject);
        mail.TextBody.ShouldNotBeNull().TrimEnd().ShouldBe(HindiBody);
        mail.HtmlBody.ShouldNotBeNull().ShouldContain(HindiBody);
        mail.To.Mailboxes.Single().Name.ShouldBe("Priya Sharma");
    }
}

public sealed class MessagingChannelTestsOnSqlite(SqliteServer server) : MessagingChannelTests(server)
{
    [Fact]
    public void The_embedded_server_writes_e_mails_to_its_pickup_folder() =>
        Server.Services.GetRequiredService<IEmailSender>().ShouldBeOfType<PickupDirectoryEmailSender>();
}

public sealed class MessagingChannelTestsOnPostgres(PostgresServer server) : MessagingChannelTests(server)
{
    [Fact]
    public void The_at_scale_server_sends_e_mails_over_smtp() =>
        Server.Services.GetRequiredService<IEmailSender>().ShouldBeOfType<SmtpEmailSender>();
}

/// <summary>The SMTP sender against the test SMTP server (aiosmtpd), and against a scripted one for the replies aiosmtpd never gives.</summary>
public sealed class SmtpSenderTests
{
    private static readonly string[] Subjects = ["मेहंदी की याद", "संगीत संध्या का कार्यक्रम"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static SmtpEmailSender Sender(string host, int port) => new(
        Options.Create(new SmtpOptions { Host = host, Port = port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(10) }),
        Options.Create(new EmailOptions { FromAddress = "studio@shaadi.example", FromName = "शादी स्टूडियो" }),
        NullLogger<SmtpEmailSender>.Instance);

    [Fact]
    public async Task Hindi_subject_and_body_arrive_intact_at_the_smtp_server_over_one_kept_connection()
    {
        var server = ExternalServers.Require(ExternalServers.Smtp, "WEDTECH_TEST_SMTP");
        var maildir = ExternalServers.Require(ExternalServers.SmtpMaildir, "WEDTECH_TEST_SMTP_MAILDIR");
        using var sender = Sender(server.Split(':')[0], int.Parse(server.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        var channel = new EmailChannel(sender);
        var address = $"anjali-{Guid.NewGuid():N}@example.com";

        var ids = new List<string>();
        foreach (var subject in Subjects)
        {
            var message = MessagingChannelTests.Message(MessageChannel.Email, address, subject: subject) with { HtmlBody = "<p>नमस्ते <b>अंजलि</b></p>" };
            ids.Add((await channel.SendAsync(message, Cancel)).ShouldBeOfType<SendOutcome.Accepted>().ProviderMessageId);
        }

        foreach (var (id, subject) in ids.Zip(Subjects))
        {
            var mail = (await Mailbox.FindAsync(maildir, m => m.MessageId == id, id)).ShouldNotBeNull();
            mail.Subject.ShouldBe(subject);
            mail.From.Mailboxes.Single().Name.ShouldBe("शादी स्टूडियो");
            mail.To.Mailboxes.Single().Address.ShouldBe(address);
            mail.TextBody.ShouldNotBeNull().ShouldContain("नमस्ते प्रिया जी, मेहंदी शनिवार शाम 6 बजे");
            mail.HtmlBody.ShouldNotBeNull().ShouldContain("नमस्ते <b>अंजलि</b>");
        }
    }

    [Theory]
    [InlineData("550 5.1.1 No such user here", typeof(SendOutcome.Rejected))]
    [InlineData("452 4.2.2 Mailbox full, try later", typeof(SendOutcome.RetryLater))]
    public async Task A_refused_recipient_fails_for_good_on_5xx_and_is_retried_on_4xx(string reply, Type expected)
    {
        await using var smtp = ScriptedSmtpServer.Start(reply);
        using var sender = Sender("127.0.0.1", smtp.Port);
        var outcome = await new EmailChannel(sender).SendAsync(MessagingChannelTests.Message(MessageChannel.Email, "nobody@shaadi.example"), Cancel);
        outcome.ShouldBeOfType(expected);
        (outcome is SendOutcome.Rejected rejected ? rejected.Reason : ((SendOutcome.RetryLater)outcome).Reason).ShouldContain(reply[..3]);
    }

    [Fact]
    public async Task An_smtp_server_that_cannot_be_reached_is_retried()
    {
        using var sender = Sender("127.0.0.1", Ports.Free());
        (await new EmailChannel(sender).SendAsync(MessagingChannelTests.Message(MessageChannel.Email, "priya@shaadi.example"), Cancel))
            .ShouldBeOfType<SendOutcome.RetryLater>().Reason.ShouldContain("Could not reach the SMTP server");
    }

    /// <summary>Speaks just enough SMTP to refuse the recipient with the given reply.</summary>
    private sealed class ScriptedSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _serving = Task.CompletedTask;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static ScriptedSmtpServer Start(string recipientReply)
        {
            var server = new ScriptedSmtpServer();
            server._listener.Start();
            server._serving = server.ServeAsync(recipientReply);
            return server;
        }

        private async Task ServeAsync(string recipientReply)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                    await using var stream = connection.GetStream();
                    using var reader = new StreamReader(stream, Encoding.ASCII);
                    await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                    await writer.WriteLineAsync("220 scripted ESMTP");
                    while (await reader.ReadLineAsync(_stop.Token) is { } line)
                    {
                        var verb = line.Split(' ')[0].ToUpperInvariant();
                        await writer.WriteLineAsync(verb switch
                        {
                            "EHLO" or "HELO" => "250 scripted",
                            "RCPT" => recipientReply,
                            "QUIT" => "221 bye",
                            _ => "250 OK",
                        });
                        if (verb == "QUIT")
                        {
                            break;
                        }
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // Stopped, or the client hung up.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _serving;
            _stop.Dispose();
        }
    }
}
