using Imbalanced.Data;

namespace Imbalanced.Tests.Data;

public class FileTransactionTests
{
    private static string Folder() => Directory.CreateTempSubdirectory("imbalanced-tx-").FullName;

    [Fact]
    public void A_failed_write_changes_no_file_and_leaves_no_temporary()
    {
        var dir = Folder();
        var first = Path.Combine(dir, "first.csv");
        var second = Path.Combine(dir, "second.csv");
        File.WriteAllText(first, "old first");
        Assert.Throws<DataException>(() =>
        {
            using var files = new FileTransaction();
            files.Write(first, s => s.Write("new first"u8));
            files.Write(second, s =>
            {
                s.Write("half"u8);
                throw new IOException("No space left on device");
            });
            files.Commit();
        });
        Assert.Equal("old first", File.ReadAllText(first));
        Assert.False(File.Exists(second));
        Assert.Equal([first], Directory.GetFiles(dir));
    }

    /// <summary>A rename that fails after another succeeded (a file that cannot be replaced, here a temporary gone
    /// before the commit) puts the replaced file's old contents back and removes the file it created: all or
    /// nothing holds to the end, and nothing but the targets is left in the folder.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_rename_that_fails_after_another_undoes_it(bool firstExisted)
    {
        var dir = Folder();
        var first = Path.Combine(dir, "first.csv");
        var second = Path.Combine(dir, "second.csv");
        if (firstExisted) File.WriteAllText(first, "old first");
        File.WriteAllText(second, "old second");
        var e = Assert.Throws<DataException>(() =>
        {
            using var files = new FileTransaction();
            files.Write(first, s => s.Write("new first"u8));
            files.Write(second, s => s.Write("new second"u8));
            foreach (var temp in Directory.GetFiles(dir, ".second.csv.*.tmp")) File.Delete(temp);
            files.Commit();
        });
        Assert.Contains("cannot put the written files in place", e.Message);
        Assert.Equal(firstExisted, File.Exists(first));
        if (firstExisted) Assert.Equal("old first", File.ReadAllText(first));
        Assert.Equal("old second", File.ReadAllText(second));
        Assert.Equal(firstExisted ? [first, second] : [second], Directory.GetFiles(dir).Order().ToArray());
    }

    [Fact]
    public void Commit_puts_every_file_in_place()
    {
        var dir = Folder();
        var first = Path.Combine(dir, "first.csv");
        var second = Path.Combine(dir, "second.csv");
        File.WriteAllText(first, "old first");
        using (var files = new FileTransaction())
        {
            files.Write(first, s => s.Write("new first"u8));
            files.Write(second, s => s.Write("new second"u8));
            Assert.Equal("old first", File.ReadAllText(first));
            Assert.False(File.Exists(second));
            files.Commit();
        }
        Assert.Equal("new first", File.ReadAllText(first));
        Assert.Equal("new second", File.ReadAllText(second));
        Assert.Equal(2, Directory.GetFiles(dir).Length);
    }

    [Fact]
    public void Disposing_without_commit_removes_the_temporaries()
    {
        var dir = Folder();
        using (var files = new FileTransaction()) files.Write(Path.Combine(dir, "a.csv"), s => s.Write("a"u8));
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void A_folder_or_a_missing_folder_is_a_data_error()
    {
        var dir = Folder();
        using var files = new FileTransaction();
        Assert.Contains("is a folder", Assert.Throws<DataException>(() => files.Write(dir, _ => { })).Message);
        Assert.Contains("does not exist",
            Assert.Throws<DataException>(() => files.Write(Path.Combine(dir, "no", "x.csv"), _ => { })).Message);
    }
}
