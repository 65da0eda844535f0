; Inno Setup 6 script: a per-user installer (no administrator rights), in Spanish.
;   ISCC.exe /DAppVersion=0.1.0 installer\sgdesk.iss   (scripts\build.ps1 passes the version)
; Installs dist\sgdesk (the PyInstaller folder) under %LOCALAPPDATA%\Programs\sgdesk:
; a short path, writable only by the user who installs it; sgdesk itself never writes there.
#ifndef AppVersion
  #error Pase la versión: ISCC /DAppVersion=X.Y.Z installer\sgdesk.iss
#endif

[Setup]
AppId={{6F1C2B9E-3D4A-4E8B-9A57-2C0D5E7B1F43}
AppName=sgdesk
AppVersion={#AppVersion}
AppVerName=sgdesk {#AppVersion}
AppPublisher=Secretaría General de la Alcaldía Mayor de Bogotá D.C.
AppComments=Información institucional y jurídica de la Secretaría General, sin conexión.
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={localappdata}\Programs\sgdesk
DefaultGroupName=sgdesk
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=sgdesk-{#AppVersion}-instalador
SetupIconFile=..\resources\icons\sgdesk.ico
UninstallDisplayIcon={app}\sgdesk.exe
UninstallDisplayName=sgdesk {#AppVersion}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\sgdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\sgdesk"; Filename: "{app}\sgdesk.exe"; Comment: "Información General de la Secretaría General"
Name: "{autodesktop}\sgdesk"; Filename: "{app}\sgdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\sgdesk.exe"; Description: "{cm:LaunchProgram,sgdesk}"; Flags: nowait postinstall skipifsilent
