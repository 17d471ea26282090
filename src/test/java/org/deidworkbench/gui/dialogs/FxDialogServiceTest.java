package org.deidworkbench.gui.dialogs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.keys.ReidentifyViewModel;
import org.deidworkbench.gui.common.UserError;
import org.deidworkbench.gui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real dialogs: the new-key-file passphrase with its strength meter and confirmation, and errors. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

    private static final String PASSPHRASE = "walnut tide ember quartz";

    private Stage stage;
    private FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new StackPane(), 400, 300));
        stage.show();
        dialogs = new FxDialogService(() -> stage, () -> Messages.of(Locale.ENGLISH), () -> Theme.LIGHT);
    }

    private static Predicate<Node> button(String text) {
        return n -> n instanceof Button b && text.equals(b.getText());
    }

    @Test
    void newPassphraseNeedsAMatchingConfirmationAndIsHandedOverAsCharacters(FxRobot robot) throws Exception {
        CompletableFuture<Optional<char[]>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(dialogs.askNewPassphrase(Path.of("study.deidkey"))));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#passphrase").write(PASSPHRASE);
        robot.clickOn("#passphraseConfirmation").write(PASSPHRASE.substring(0, PASSPHRASE.length() - 1));
        Button create = robot.lookup(button("Create")).queryButton();
        assertTrue(create.isDisabled());
        assertTrue(robot.lookup("#passphraseMismatch").query().isVisible());
        robot.write(PASSPHRASE.substring(PASSPHRASE.length() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(create.isDisabled());
        assertEquals("Strong", robot.lookup("#passphraseStrengthLabel").queryAs(Labeled.class).getText());
        robot.clickOn(create);
        assertArrayEquals(PASSPHRASE.toCharArray(), result.get(10, TimeUnit.SECONDS).orElseThrow());
    }

    @Test
    void shortPassphraseIsRatedTooShortAndRefused(FxRobot robot) {
        Platform.runLater(() -> dialogs.askNewPassphrase(Path.of("study.deidkey")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#passphrase").write("abc");
        robot.clickOn("#passphraseConfirmation").write("abc");
        assertEquals("Too short (at least 8 characters)",
                robot.lookup("#passphraseStrengthLabel").queryAs(Labeled.class).getText());
        assertTrue(robot.lookup(button("Create")).queryButton().isDisabled());
        robot.clickOn(robot.lookup(button("Cancel")).queryButton());
    }

    @Test
    void passphraseFieldsAreClearedWhenTheDialogCloses(FxRobot robot) throws Exception {
        CompletableFuture<Optional<char[]>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(dialogs.askPassphrase(Path.of("study.deidkey"))));
        WaitForAsyncUtils.waitForFxEvents();
        PasswordField field = robot.lookup("#passphrase").queryAs(PasswordField.class);
        robot.clickOn(field).write("opening words");
        robot.clickOn(robot.lookup(button("Unlock")).queryButton());
        assertEquals("opening words", new String(result.get(10, TimeUnit.SECONDS).orElseThrow()));
        assertEquals("", field.getText());
    }

    @Test
    void reidentifyNeedsAReasonShowsTheOriginalInTheDialogAndForgetsItOnClose(FxRobot robot) throws Exception {
        FakeJobService jobs = new FakeJobService();
        jobs.originals.put("PX7K2M9Q4T1B", "100200");
        BackgroundTasks tasks = BackgroundTasks.withWorkers(1, Platform::runLater);
        ReidentifyViewModel vm = new ReidentifyViewModel(jobs, tasks);
        vm.keyFileProperty().set(Path.of("study.deidkey"));
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            dialogs.reidentify(vm);
            closed.complete(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#reidentifyPassphrase").write(PASSPHRASE);
        robot.clickOn("#reidentifyValues").write("PX7K2M9Q4T1B\nUNKNOWN00000");
        robot.clickOn("#reidentifyReason").write("short");
        Button lookUp = robot.lookup("#reidentifyLookUp").queryButton();
        assertTrue(lookUp.isDisabled(), "a reason of 8 characters is required");
        assertTrue(robot.lookup("#reidentifyReasonHint").query().isVisible());
        robot.write(" ticket 42");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lookUp.isDisabled());
        robot.clickOn(lookUp);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.answers().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("short ticket 42", jobs.lastReason);
        assertTrue(robot.lookup(n -> n instanceof Labeled l && "100200".equals(l.getText())).tryQuery().isPresent(),
                "the original is shown in the dialog");
        assertTrue(robot.lookup(n -> n instanceof Labeled l && "not found".equals(l.getText())).tryQuery().isPresent());
        assertTrue(robot.lookup("#reidentifyRecorded").queryAs(Labeled.class).getText().contains("#1"));
        assertArrayEquals(new char[PASSPHRASE.length()], jobs.lastPassphrase, "passphrase wiped");
        javafx.scene.Scene scene = robot.lookup("#reidentifyAnswers").query().getScene();
        org.deidworkbench.gui.Snapshots.write(WaitForAsyncUtils.asyncFx(() -> org.deidworkbench.gui.Snapshots.take(scene))
                .get(), Path.of("target", "screenshots", "reidentify-dialog.png"));
        robot.clickOn(robot.lookup(button("Close")).queryButton());
        closed.get(10, TimeUnit.SECONDS);
        assertTrue(vm.answers().isEmpty(), "the answers are gone with the dialog");
        tasks.close();
    }

    @Test
    void errorShowsTheStewardsMessageWithDetailsCollapsed(FxRobot robot) {
        Platform.runLater(() -> dialogs.showError(UserError.of("KEYFILE-TAMPERED: Key file k failed its integrity check",
                "error.keyfile.tampered")));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("The key file failed its integrity check")).tryQuery().isPresent());
        assertFalse(pane.isExpanded());
        assertTrue(pane.getExpandableContent() != null);
        robot.clickOn(robot.lookup(button("OK")).queryButton());
    }
}
