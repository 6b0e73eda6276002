using FaqBot.Conversation;

namespace FaqBot;

/// <summary>
/// A stand-in until the real composer from the domain is wired in: every message gets a Danish "being set up" reply,
/// so the channel can be tried end to end without pretending to give medical advice.
/// </summary>
public sealed class UnconfiguredReplyComposer : IReplyComposer
{
    private const string SetupMessage =
        "Jeg er ved at blive sat op og kan endnu ikke svare på spørgsmål om iskias. " +
        "Har du brug for hjælp, så kontakt din læge eller lægevagten. Får du pludselig svært ved at lade vandet, " +
        "følelsesløshed i skridtet eller tiltagende lammelser i benene, skal du ringe 112.";

    public Reply Compose(string message) => Setup();

    public Reply Welcome() => Setup();

    private static Reply Setup() =>
        new(ReplyKind.SmallTalk, [new ReplyMessage(SetupMessage)], null, null, null, false, [], [], null);
}
