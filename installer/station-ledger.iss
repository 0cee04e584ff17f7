; Station Ledger (驿站台账): Windows installer (Inno Setup 6.3 or later).
;
; Build on Windows, after the one-folder build exists in dist\station-app:
;     .venv\Scripts\pyinstaller build.spec --noconfirm
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\station-ledger.iss
; or simply:  .venv\Scripts\python installer\build_windows.py   (reads the version from pyproject)
; Output: dist\station-ledger-<version>-setup.exe
;
; What it does
; * per-user install (no administrator needed) or, if the user picks it / runs it elevated,
;   per-machine install: PrivilegesRequired=lowest + PrivilegesRequiredOverridesAllowed
; * a Start-menu shortcut and an optional desktop shortcut (uninstall: Windows Settings > Apps)
; * upgrade in place: the same AppId, files replaced, running copies closed first
; * the ledger is NOT in the install folder: it lives in the user's data folder
;   %LOCALAPPDATA%\StationLedger (station.db, its keys in station.keys\, backups, logs, settings),
;   so upgrades never touch it, and uninstalling keeps it unless the user ticks
;   "also delete the ledger data" (or runs the uninstaller with /DELETEDATA=yes)
;
; NOT tested here: this script was written on Linux and has not been compiled or run.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Station Ledger"
#define AppNameZh "驿站台账"
#define AppExe "station-app.exe"
#define CliExe "station-ledger.exe"
#define DataDir "{localappdata}\StationLedger"

[Setup]
; Never change AppId: upgrades find the installed copy by it.
AppId={{6B1E3F4A-2D7C-4C1B-9E8A-5F0D7A3C9B21}
AppName={#AppNameZh} {#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppName} {#AppVersion}
AppPublisher=Station Ledger team
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Station Ledger
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=station-ledger-{#AppVersion}-setup
SetupIconFile=..\resources\icons\station-ledger.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameZh} {#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
UsePreviousAppDir=yes
UsePreviousTasks=yes
ShowLanguageDialog=auto

[Languages]
; The Chinese wizard text: the compiler's own ChineseSimplified.isl if this Inno Setup has it,
; else a copy placed beside this script (from https://jrsoftware.org/files/istrans/).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "zh"; MessagesFile: "ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: download it from https://jrsoftware.org/files/istrans/ into installer\
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh.DesktopIcon=在桌面创建快捷方式
en.DesktopIcon=Create a desktop shortcut
zh.LaunchApp=启动驿站台账
en.LaunchApp=Start Station Ledger
zh.DeleteDataBox=同时删除本机的台账数据（台账、密钥、备份、日志）。删除后无法恢复！
en.DeleteDataBox=Also delete the ledger data on this PC (ledger, keys, backups, logs). This cannot be undone!
zh.KeepDataNote=默认保留台账数据：重新安装后可继续使用。数据位置：
en.KeepDataNote=The ledger data is kept by default, so a reinstall carries on with it. It is in:
zh.DeleteDataConfirm=确定要永久删除台账数据吗？未导出的数据将丢失。%n%n%1
en.DeleteDataConfirm=Really delete the ledger data for good? Anything not exported is lost.%n%n%1
zh.UninstallTitle=卸载驿站台账
en.UninstallTitle=Uninstall Station Ledger

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder build; stale files of an older version are removed first (see [InstallDelete]).
Source: "..\dist\station-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Upgrades replace the program folder completely (never the ledger: it is not in {app}).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{#AppName}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may leave in {app}; the ledger data is handled in [Code].
Type: dirifempty; Name: "{app}"

[Code]
var
  DeleteData: Boolean;

function DataFolder(): String;
begin
  Result := ExpandConstant('{#DataDir}');
end;

{ Uninstall: ask with an unticked check box whether to delete the ledger data as well.
  Returns 1 = delete, 0 = keep, -1 = the user cancelled the uninstall. }
function AskDeleteData(): Integer;
var
  Form: TSetupForm;
  Note: TNewStaticText;
  Box: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
begin
  Result := 0;
  Form := CreateCustomForm();
  try
    Form.ClientWidth := ScaleX(460);
    Form.ClientHeight := ScaleY(170);
    Form.Caption := CustomMessage('UninstallTitle');

    Note := TNewStaticText.Create(Form);
    Note.Parent := Form;
    Note.Left := ScaleX(16);
    Note.Top := ScaleY(16);
    Note.Width := Form.ClientWidth - ScaleX(32);
    Note.AutoSize := False;
    Note.WordWrap := True;
    Note.Height := ScaleY(48);
    Note.Caption := CustomMessage('KeepDataNote') + #13#10 + DataFolder();

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(16);
    Box.Top := ScaleY(72);
    Box.Width := Form.ClientWidth - ScaleX(32);
    Box.Height := ScaleY(40);
    Box.Caption := CustomMessage('DeleteDataBox');
    Box.Checked := False;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.Left := Form.ClientWidth - ScaleX(184);
    OkButton.Top := Form.ClientHeight - ScaleY(40);
    OkButton.Width := ScaleX(80);
    OkButton.Height := ScaleY(26);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.Left := Form.ClientWidth - ScaleX(96);
    CancelButton.Top := Form.ClientHeight - ScaleY(40);
    CancelButton.Width := ScaleX(80);
    CancelButton.Height := ScaleY(26);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    if Form.ShowModal() <> mrOk then
      Result := -1
    else if Box.Checked and (MsgBox(FmtMessage(CustomMessage('DeleteDataConfirm'),
                                               [DataFolder()]),
                                    mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
      Result := 1;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
var
  Answer: Integer;
begin
  Result := True;
  DeleteData := CompareText(ExpandConstant('{param:DELETEDATA|no}'), 'yes') = 0;
  if (not DeleteData) and (not UninstallSilent()) and DirExists(DataFolder()) then
  begin
    Answer := AskDeleteData();
    Result := Answer >= 0;
    DeleteData := Answer = 1;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteData then
    DelTree(DataFolder(), True, True, True);
end;
