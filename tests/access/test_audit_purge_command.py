from api.cli import main


def test_audit_purge_refuses_to_keep_less_than_180_days(capsys):
    code = main(["audit-purge", "--days", "30"])

    assert code == 2
    assert capsys.readouterr().err == "审计记录至少保留 180 天\n"
