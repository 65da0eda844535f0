/* Wine-only stand-in for Windows' bcryptprimitives.dll (Windows 10/11 have the real one; Wine 8
 * lacks it). cryptography >= 44's _rust.pyd (Rust's standard library) imports one function from
 * it, ProcessPrng; here it draws from the system generator through bcrypt.dll, which Wine has.
 * Built by scripts/windows-check.sh with mingw-w64 into the Wine prefix's system32; never shipped. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {  /* BCryptGenRandom takes a ULONG count */
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;  /* the real one never fails; a failure here is a broken Wine */
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
