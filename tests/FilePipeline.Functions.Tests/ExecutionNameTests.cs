namespace FilePipeline.Functions.Tests;

public class ExecutionNameTests
{
    [Fact]
    public void A_message_id_and_receive_count_make_a_readable_name()
    {
        Assert.Equal("059f36b4-87a3-44ab-83d2-661975830a7d-r3", ExecutionName.For("059f36b4-87a3-44ab-83d2-661975830a7d", 3));
    }

    [Fact]
    public void Characters_Step_Functions_logging_rejects_become_underscores()
    {
        Assert.Equal("a_b_c_d_e-r1", ExecutionName.For("a/b:c d#e", 1));
    }

    [Fact]
    public void Long_ids_are_cut_so_the_name_stays_within_80_characters_and_keeps_the_receive_count()
    {
        var name = ExecutionName.For(new string('x', 200), 12);

        Assert.Equal(ExecutionName.MaxLength, name.Length);
        Assert.EndsWith("-r12", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_receives_of_one_message_get_different_names()
    {
        Assert.NotEqual(ExecutionName.For("m", 1), ExecutionName.For("m", 2));
    }
}
