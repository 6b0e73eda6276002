namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// The shared store cannot be reached (the database is down or restarting). Callers answer without it — an apology with
/// the urgent-advice numbers, a 503 — and never with a 500. The message never holds what a patient wrote.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
