using System.Text.RegularExpressions;
using MarketingOps.Dashboard.Tests.Browser;
using MarketingOps.Host.Application;
using MarketingOps.Host.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MarketingOps.Dashboard.Tests.Pages;

/// <summary>Media in the composer: an upload with its alt text, kept in the client's media library, shown on the post's page, and picked again.</summary>
public sealed partial class ComposerMediaTests(Chromium chromium) : DashboardTest(chromium)
{
    private const string Alt = "A flat white with a fern drawn in the foam";
    private const string Hostile = "\"><img src=x onerror=alert(1)>";

    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_image_uploaded_with_its_alt_text_is_attached_shown_on_the_post_page_and_picked_again_from_the_library()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await session.SignInAsync("editor-user", "/compose");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "acme (" }).CheckAsync();
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Latte art on Saturday: bring your questions");
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "latte.png", MimeType = "image/png", Buffer = Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();

        // Without alt text it is refused next to the field; the upload is kept and picked, so it is not asked for again.
        await Expect(page.Locator("#media-alt-error")).ToHaveTextAsync("Describe what the image or video shows, for people who cannot see it.");
        await Expect(page.GetByLabel("Image description")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Or one already uploaded")).ToHaveValueAsync(LibraryName());
        Assert.Empty((await Host.Service<PostsApp>().ListAsync(new PostFilter(), CancellationToken.None)).Items);
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Image description").FillAsync(Alt);
        await Expect(page.Locator("section.check[data-account='acme'] img.preview-media")).ToHaveAttributeAsync("alt", Alt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Scheduled 1 post");

        var first = Assert.Single((await Host.Service<PostsApp>().ListAsync(new PostFilter(), CancellationToken.None)).Items);
        var media = Assert.Single(await Host.Service<PostsApp>().MediaAsync(first.Id, CancellationToken.None));
        Assert.Equal(("image/png", Alt), (media.ContentType, media.AltText));
        Assert.Equal(Path.Combine(Host.Root, "media"), Path.GetDirectoryName(media.Path));
        Assert.Equal(Png, await File.ReadAllBytesAsync(media.Path));

        await page.Locator($".notice a[href='/posts/{first.Id}']").ClickAsync();
        await Expect(page.Locator("figure.media img")).ToHaveAttributeAsync("alt", Alt);
        await page.WaitForFunctionAsync("() => document.querySelector('figure.media img')?.naturalWidth === 1");
        await Expect(page.Locator("figure.media figcaption")).ToContainTextAsync("Alt text: " + Alt);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("post-media");

        // The same file again, picked from the library for another account, with an alt text that must stay text.
        await page.GotoAsync("/compose");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "beans (" }).CheckAsync();
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Fern or rosetta? Vote at the bar");
        await page.GetByLabel("Or one already uploaded").SelectOptionAsync(Path.GetFileName(media.Path));
        await page.GetByLabel("Image description").FillAsync(Hostile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Scheduled 1 post");
        var second = (await Host.Service<PostsApp>().ListAsync(new PostFilter { Account = "beans" }, CancellationToken.None)).Items.Single();
        Assert.Equal(media.Path, Assert.Single(await Host.Service<PostsApp>().MediaAsync(second.Id, CancellationToken.None)).Path);
        Assert.Single(Directory.GetFiles(Path.Combine(Host.Root, "media")));

        await page.Locator($".notice a[href='/posts/{second.Id}']").ClickAsync();
        await Expect(page.Locator("figure.media figcaption")).ToContainTextAsync("Alt text: " + Hostile);
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Empty(session.Dialogs);
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.png$")]
    private static partial Regex LibraryName();
}
