using System.Net;
using System.Text.RegularExpressions;

namespace KnockAdmin.Web.Tests.Security;

/// <summary>Fills in the panel's server-rendered forms the way a browser does: hidden fields (antiforgery token,
/// form name) from the page, the form's own action, and the visible fields given.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string name, string password, string path = "/account/login") =>
        await SubmitAsync(browser, path, new() { ["name"] = name, ["password"] = password });

    /// <summary>Loads <paramref name="path"/>, then posts its (only) form with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var page = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var form = FormElement().Match(html);
        Assert.True(form.Success, $"{path} has no form:\n{html}");

        var values = HiddenInput().Matches(form.Value).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var actionAttribute = ActionAttribute().Match(form.Groups["attributes"].Value);
        var action = actionAttribute.Success ? WebUtility.HtmlDecode(actionAttribute.Groups["action"].Value) : "";
        return await browser.PostAsync(action.Length > 0 ? action : path, new FormUrlEncodedContent(values));
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("""<form(?<attributes>[^>]*)>.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("action=\"(?<action>[^\"]*)\"")]
    private static partial Regex ActionAttribute();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
