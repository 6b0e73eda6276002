using FaqBot.Content;

namespace FaqBot.Tests.Content;

public class ContentDateParserTests
{
    [Theory]
    [InlineData("08-05-2025")]
    [InlineData("08/05/2025")]
    [InlineData("8/5/2025")]
    [InlineData("08.05.2025")]
    [InlineData("2025-05-08")]
    [InlineData(" 08-05-2025 ")]
    public void ParsesDayFirstAndIsoAs8May2025(string text)
    {
        Assert.True(ContentDateParser.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2025, 5, 8), date);
    }

    [Theory]
    [InlineData("31-02-2025")]
    [InlineData("05-31-2025")]
    [InlineData("2025/05/08")]
    [InlineData("8. maj 2025")]
    [InlineData("08-05-25")]
    [InlineData("")]
    public void Rejects(string text) =>
        Assert.False(ContentDateParser.TryParse(text, out _));
}
