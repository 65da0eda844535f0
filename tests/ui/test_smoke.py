from sgdesk.ui.mainwindow import MainWindow


def test_window_opens_on_the_mision(window: MainWindow) -> None:
    assert window.current_node_id == "mision"
    assert "articula la función gerencial del Alcalde Mayor" in window.reading_pane.toPlainText()
